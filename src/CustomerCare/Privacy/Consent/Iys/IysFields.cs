namespace CustomerCare.Privacy.Consent.Iys;

/// <summary>
/// The columns of the İYS-style consent CSV, named after the fields of an İYS consent record (see
/// <c>docs/privacy-consent.md</c>): one row per recipient × type, every column required.
/// </summary>
public static class IysFields
{
    /// <summary><c>recipient</c>: an e-mail address for <c>EPOSTA</c>, a Turkish phone number in <c>+90</c> form (<c>+905321234567</c>) for <c>MESAJ</c> and <c>ARAMA</c>.</summary>
    public const string Recipient = "recipient";

    /// <summary><c>type</c>: <c>EPOSTA</c> (e-mail), <c>MESAJ</c> (SMS) or <c>ARAMA</c> (phone call).</summary>
    public const string Type = "type";

    /// <summary><c>status</c>: <c>ONAY</c> (consent given) or <c>RET</c> (refused or withdrawn).</summary>
    public const string Status = "status";

    /// <summary><c>source</c>: where the consent was collected, such as <c>HS_WEB</c> or <c>HS_CAGRI_MERKEZI</c>.</summary>
    public const string Source = "source";

    /// <summary><c>consentDate</c>: when it was given or withdrawn, <c>yyyy-MM-dd HH:mm:ss</c> in Europe/Istanbul time.</summary>
    public const string ConsentDate = "consentDate";

    /// <summary><c>recipientType</c>: <c>BIREYSEL</c> (individual) or <c>TACIR</c> (merchant).</summary>
    public const string RecipientType = "recipientType";

    /// <summary>The header row the exporter writes, in this order.</summary>
    public static IReadOnlyList<string> All { get; } = [Recipient, Type, Status, Source, ConsentDate, RecipientType];
}
