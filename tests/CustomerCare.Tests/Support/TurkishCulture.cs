using System.Globalization;

namespace CustomerCare.Tests.Support;

/// <summary>Runs a block under tr-TR, where "I".ToLower() is "ı" and "i".ToUpper() is "İ".</summary>
internal sealed class TurkishCulture : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public TurkishCulture()
    {
        CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("tr-TR");
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("tr-TR");
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
