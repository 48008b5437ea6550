using System.Text;

namespace CustomerCare.Privacy.Redaction;

/// <summary>
/// The library's <see cref="ITextRedactor"/>: runs its detectors over a text and replaces each piece of personal data
/// with the mask of its kind: <c>[EMAIL]</c>, <c>[PHONE]</c>, <c>[TCKN]</c>, <c>[IBAN]</c>, <c>[CARD]</c>, <c>[NAME]</c>.
/// </summary>
/// <remarks>
/// <para>When detectors disagree (an IBAN's digits also look like a card), the longest span wins, then the leftmost;
/// masked spans never overlap. The masks are ASCII and the same in every language, so masked text reads the same in
/// logs, public replies and erased complaints.</para>
/// <para>Every detector is a hand-written linear scanner: a hostile text of any length costs time proportional to its
/// length. Pure and thread-safe; <see cref="WithKnownNames"/> returns a new redactor.</para>
/// </remarks>
public sealed class PersonalDataRedactor : ITextRedactor
{
    private readonly IPersonalDataDetector[] _detectors;

    /// <summary>Creates a redactor with the built-in detectors: e-mail, phone, Turkish identity number, IBAN and card.</summary>
    public PersonalDataRedactor()
        : this(BuiltInDetectors())
    {
    }

    /// <summary>Creates a redactor with the given detectors.</summary>
    /// <param name="detectors">The detectors, such as <see cref="BuiltInDetectors"/> and a <see cref="KnownNameDetector"/>.</param>
    /// <exception cref="ArgumentNullException"><paramref name="detectors"/> is or holds <see langword="null"/>.</exception>
    public PersonalDataRedactor(IEnumerable<IPersonalDataDetector> detectors)
    {
        ArgumentNullException.ThrowIfNull(detectors);
        _detectors = [.. detectors];
        if (Array.Exists(_detectors, d => d is null))
        {
            throw new ArgumentNullException(nameof(detectors), "A detector is null.");
        }
    }

    /// <summary>A shared redactor with the built-in detectors and no known names.</summary>
    public static PersonalDataRedactor Default { get; } = new();

    /// <summary>The detectors, in the order they run.</summary>
    public IReadOnlyList<IPersonalDataDetector> Detectors => _detectors;

    /// <summary>New instances of the built-in detectors: e-mail, phone, Turkish identity number, IBAN, payment card.</summary>
    /// <returns>The detectors.</returns>
    public static IReadOnlyList<IPersonalDataDetector> BuiltInDetectors() =>
        [new EmailDetector(), new PhoneNumberDetector(), new TurkishIdNumberDetector(), new IbanDetector(), new PaymentCardDetector()];

    /// <summary>The mask that replaces a kind of personal data.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The mask, such as <c>[EMAIL]</c>.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="kind"/> is not defined.</exception>
    public static string MaskOf(PersonalDataKind kind) => kind switch
    {
        PersonalDataKind.Email => "[EMAIL]",
        PersonalDataKind.Phone => "[PHONE]",
        PersonalDataKind.TurkishIdNumber => "[TCKN]",
        PersonalDataKind.Iban => "[IBAN]",
        PersonalDataKind.PaymentCard => "[CARD]",
        PersonalDataKind.Name => "[NAME]",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a personal data kind."),
    };

    /// <summary>A redactor that also masks these names, such as a customer's own (see <see cref="KnownNameDetector"/>).</summary>
    /// <param name="names">The names.</param>
    /// <returns>A new redactor; this one is unchanged.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="names"/> is <see langword="null"/>.</exception>
    public PersonalDataRedactor WithKnownNames(params IEnumerable<string> names) =>
        new([.. _detectors, new KnownNameDetector(names)]);

    /// <summary>Finds the personal data in a text, as the redactor would mask it.</summary>
    /// <param name="text">The text.</param>
    /// <returns>Non-overlapping spans ordered by start.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="text"/> is <see langword="null"/>.</exception>
    public IReadOnlyList<PersonalDataSpan> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var candidates = new List<PersonalDataSpan>();
        foreach (var detector in _detectors)
        {
            candidates.AddRange(detector.Find(text));
        }

        return SpanSelection.LongestFirst(candidates, text.Length);
    }

    /// <inheritdoc />
    public string Redact(string text)
    {
        var spans = Find(text);
        if (spans.Count == 0)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        var at = 0;
        foreach (var span in spans)
        {
            builder.Append(text, at, span.Start - at).Append(MaskOf(span.Kind));
            at = span.End;
        }

        return builder.Append(text, at, text.Length - at).ToString();
    }
}
