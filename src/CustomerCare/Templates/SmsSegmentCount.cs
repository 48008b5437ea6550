namespace CustomerCare.Templates;

/// <summary>How an SMS text is encoded and how many segments it takes.</summary>
/// <param name="Encoding">The encoding the text needs.</param>
/// <param name="Units">Its length in encoding units: GSM-7 septets (an extension character such as € counts 2) or UTF-16 code units.</param>
/// <param name="Segments">The number of segments (0 for an empty text).</param>
public readonly record struct SmsSegmentCount(SmsEncoding Encoding, int Units, int Segments);
