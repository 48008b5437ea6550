namespace CustomerCare.Templates;

/// <summary>How an SMS is encoded, which sets how many characters fit in a segment.</summary>
public enum SmsEncoding
{
    /// <summary>The GSM 03.38 7-bit alphabet: 160 characters in one segment, 153 per segment when split.</summary>
    Gsm7 = 0,

    /// <summary>UCS-2, needed as soon as one character is outside GSM-7 (Turkish ş, ğ, ı, İ, ç): 70, then 67 per segment.</summary>
    Ucs2,
}
