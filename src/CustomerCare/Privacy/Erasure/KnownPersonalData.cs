using System.Collections.Immutable;
using System.Text;
using System.Text.RegularExpressions;
using CustomerCare.Customers;

namespace CustomerCare.Privacy.Erasure;

/// <summary>
/// One customer's own e-mail address, phone number and name parts, and how to find them in free text: the e-mail and
/// the name parts in any casing, with or without Turkish letters (<c>Işıl</c>, <c>IŞIL</c>, <c>isil</c>), the phone in
/// its stored and common spellings (<c>+90 532 123 45 67</c>, <c>0532-123-4567</c>, <c>(532) 1234567</c>).
/// </summary>
/// <remarks>
/// Masking these is what makes an erasure complete whatever pattern detectors are registered: a detector may miss a
/// name, these never do. Matching is culture-independent (the dotted and dotless i are treated as one letter), so the
/// result does not depend on the thread's culture. Immutable and thread-safe.
/// </remarks>
public sealed class KnownPersonalData
{
    /// <summary>What a masked e-mail address becomes.</summary>
    public const string EmailMask = "[email]";

    /// <summary>What a masked phone number becomes.</summary>
    public const string PhoneMask = "[phone]";

    /// <summary>What a masked name part becomes.</summary>
    public const string NameMask = "[name]";

    private static readonly TimeSpan MatchTimeout = TimeSpan.FromSeconds(2);

    // Letters a Turkish text and its ASCII spelling use for one another, in both cases.
    private static readonly string[] FoldGroups = ["iIıİ", "sSşŞ", "cCçÇ", "gGğĞ", "oOöÖ", "uUüÜ"];

    private readonly ImmutableArray<(Regex Pattern, string Mask)> _patterns;

    private KnownPersonalData(EmailAddress? email, PhoneNumber? phone, ImmutableArray<string> nameParts)
    {
        Email = email;
        Phone = phone;
        NameParts = nameParts;
        var patterns = ImmutableArray.CreateBuilder<(Regex, string)>();
        if (email is { } e)
        {
            patterns.Add((new Regex(Folded(e.Value), RegexOptions.CultureInvariant, MatchTimeout), EmailMask));
        }

        if (phone is { } p)
        {
            patterns.Add((new Regex(PhonePattern(p), RegexOptions.CultureInvariant, MatchTimeout), PhoneMask));
        }

        // Longest first, so that "Şahin-Çağlar" goes before "Şahin" would split it.
        foreach (var part in nameParts.OrderByDescending(n => n.Length))
        {
            patterns.Add((new Regex(@"(?<![\p{L}\p{N}])" + Folded(part) + @"(?![\p{L}\p{N}])", RegexOptions.CultureInvariant, MatchTimeout), NameMask));
        }

        _patterns = patterns.ToImmutable();
    }

    /// <summary>Nothing known: masks nothing.</summary>
    public static KnownPersonalData None { get; } = new(null, null, []);

    /// <summary>The e-mail address, when known.</summary>
    public EmailAddress? Email { get; }

    /// <summary>The phone number, when known.</summary>
    public PhoneNumber? Phone { get; }

    /// <summary>The name parts masked: the given and family names, and each of their words of two letters or more.</summary>
    public ImmutableArray<string> NameParts { get; }

    /// <summary>The known values of a customer's profile; <see cref="None"/> for a profile already anonymized.</summary>
    /// <param name="customer">The customer.</param>
    /// <returns>The known values.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="customer"/> is <see langword="null"/>.</exception>
    public static KnownPersonalData From(Customer customer)
    {
        ArgumentNullException.ThrowIfNull(customer);
        return CustomerAnonymizer.IsAnonymized(customer) ? None : Create(customer.Email, customer.Phone, customer.Name);
    }

    /// <summary>Known values from their parts.</summary>
    /// <param name="email">The e-mail address, if any.</param>
    /// <param name="phone">The phone number, if any.</param>
    /// <param name="name">The name, if any.</param>
    /// <returns>The known values.</returns>
    public static KnownPersonalData Create(EmailAddress? email, PhoneNumber? phone, PersonName? name)
    {
        var parts = new List<string>();
        if (name is not null)
        {
            foreach (var whole in new[] { name.GivenName, name.FamilyName })
            {
                if (whole is null)
                {
                    continue;
                }

                parts.Add(whole);
                parts.AddRange(whole.Split([' ', '-', '\'', '’', '.'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Where(w => w.Length >= 2));
            }
        }

        return new KnownPersonalData(email, phone, [.. parts.Distinct(StringComparer.Ordinal)]);
    }

    /// <summary>Whether the customer is known by nothing (no e-mail, phone or name to mask).</summary>
    public bool IsEmpty => _patterns.IsEmpty;

    /// <summary>Masks every occurrence of the known values.</summary>
    /// <param name="text">The text.</param>
    /// <returns>The masked text; the same instance when nothing was found.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public string Mask(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var result = text;
        foreach (var (pattern, mask) in _patterns)
        {
            result = pattern.Replace(result, mask);
        }

        return string.Equals(result, text, StringComparison.Ordinal) ? text : result;
    }

    /// <summary>Whether a contact handle (an outbox recipient, a complaint's author) is the customer's e-mail or phone, in any spelling.</summary>
    /// <param name="handle">The handle, or <see langword="null"/>.</param>
    /// <returns><see langword="true"/> when it is one of the known contact values and nothing else.</returns>
    public bool IsContact(string? handle)
    {
        if (string.IsNullOrWhiteSpace(handle) || (Email is null && Phone is null))
        {
            return false;
        }

        var masked = Mask(handle.Trim());
        return masked is EmailMask or PhoneMask;
    }

    /// <summary>A pattern matching the text with each letter in either case, and Turkish letters and their ASCII spellings alike.</summary>
    private static string Folded(string value)
    {
        var pattern = new StringBuilder();
        foreach (var c in value)
        {
            var group = FoldGroups.FirstOrDefault(g => g.Contains(c, StringComparison.Ordinal));
            if (group is not null)
            {
                pattern.Append('[').Append(group).Append(']');
            }
            else if (char.IsLetter(c))
            {
                var forms = new HashSet<char> { c, char.ToUpperInvariant(c), char.ToLowerInvariant(c) };
                pattern.Append('[').Append(string.Concat(forms)).Append(']');
            }
            else
            {
                pattern.Append(Regex.Escape(c.ToString()));
            }
        }

        return pattern.ToString();
    }

    /// <summary>
    /// The phone's last ten digits (its national number for most countries), with any separators between them, after
    /// an optional country code (<c>+90</c>, <c>0090</c>) and trunk zero.
    /// </summary>
    private static string PhonePattern(PhoneNumber phone)
    {
        const string Separators = @"[\s.\-()/]*";
        var digits = phone.Value[1..];
        var national = digits[^Math.Min(10, digits.Length - 1)..];
        var country = digits[..^national.Length];
        return @"(?<!\d)(?:(?:\+|00)?" + Separators + string.Join(Separators, country.ToCharArray()) + Separators + ")?"
            + @"(?:\(?0\)?" + Separators + ")?"
            + string.Join(Separators, national.ToCharArray()) + @"(?!\d)";
    }
}
