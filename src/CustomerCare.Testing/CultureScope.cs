using System.Globalization;

namespace CustomerCare.Testing;

/// <summary>Runs a block under a thread culture and restores the previous one, so a store that compares with the current culture shows it.</summary>
internal sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture;
    private readonly CultureInfo _uiCulture;

    private CultureScope(CultureInfo culture)
    {
        _culture = CultureInfo.CurrentCulture;
        _uiCulture = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    // Turkish is where culture-sensitive case rules differ most from ordinal ones (dotted and dotless i).
    public static CultureScope Turkish() => new(CultureInfo.GetCultureInfo("tr-TR"));

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
