namespace CustomerCare.Text;

/// <summary>
/// Compares keys, tags and city names case-insensitively and culture-invariantly, treating the four Turkish and
/// Latin i letters (<c>I</c>, <c>ı</c>, <c>İ</c>, <c>i</c>) as one letter.
/// </summary>
/// <remarks>
/// <para>
/// The rule: every character is folded with <see cref="char.ToLowerInvariant(char)"/>, except that dotted capital
/// <c>İ</c> (U+0130) and dotless small <c>ı</c> (U+0131) both fold to <c>i</c>. So <c>istanbul</c>, <c>İstanbul</c>,
/// <c>ISTANBUL</c> and <c>ıstanbul</c> are equal under every thread culture, including <c>tr-TR</c>, where
/// <c>"I".ToLower()</c> would give <c>ı</c> and <c>"i".ToUpper()</c> would give <c>İ</c>.
/// </para>
/// <para>
/// Folding the dotless and dotted i together is deliberate: customers and staff often type Turkish names on keyboards
/// without Turkish letters, and a tag or city written either way must match. Other letters keep their identity
/// (<c>ş</c> is not <c>s</c>). The comparer is thread-safe and allocation-free.
/// </para>
/// </remarks>
public sealed class TurkishInvariantComparer : StringComparer
{
    private TurkishInvariantComparer()
    {
    }

    /// <summary>The single instance.</summary>
    public static TurkishInvariantComparer Instance { get; } = new();

    /// <summary>Folds one character by the rule described on the type.</summary>
    /// <param name="c">The character.</param>
    /// <returns>The folded character.</returns>
    public static char Fold(char c) => c switch
    {
        'I' or 'i' or '\u0130' or '\u0131' => 'i',
        _ when c < 128 => (c is >= 'A' and <= 'Z') ? (char)(c | 0x20) : c,
        _ => char.ToLowerInvariant(c),
    };

    /// <summary>Folds a whole string by the rule described on the type.</summary>
    /// <param name="value">The text.</param>
    /// <returns>The folded text.</returns>
    public static string Fold(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Create(value.Length, value, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = Fold(source[i]);
            }
        });
    }

    /// <inheritdoc />
    public override int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null)
        {
            return -1;
        }

        if (y is null)
        {
            return 1;
        }

        var length = Math.Min(x.Length, y.Length);
        for (var i = 0; i < length; i++)
        {
            var diff = Fold(x[i]).CompareTo(Fold(y[i]));
            if (diff != 0)
            {
                return diff;
            }
        }

        return x.Length.CompareTo(y.Length);
    }

    /// <inheritdoc />
    public override bool Equals(string? x, string? y)
    {
        if (ReferenceEquals(x, y))
        {
            return true;
        }

        if (x is null || y is null || x.Length != y.Length)
        {
            return false;
        }

        for (var i = 0; i < x.Length; i++)
        {
            if (Fold(x[i]) != Fold(y[i]))
            {
                return false;
            }
        }

        return true;
    }

    /// <inheritdoc />
    public override int GetHashCode(string obj)
    {
        ArgumentNullException.ThrowIfNull(obj);
        var hash = default(HashCode);
        foreach (var c in obj)
        {
            hash.Add(Fold(c));
        }

        return hash.ToHashCode();
    }
}
