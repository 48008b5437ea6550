using System.Text.RegularExpressions;
using CustomerCare.Customers;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Privacy.Consent.Iys;

/// <summary>How İYS codes map to the consent ledger's purposes, channels, actions and sources. İYS covers commercial electronic messages only, so every İYS row is <see cref="ConsentPurpose.Marketing"/>.</summary>
internal static partial class IysCodes
{
    public const string Individual = "BIREYSEL";
    public const string Merchant = "TACIR";

    /// <summary>The İYS source written for a ledger source that has no İYS counterpart (<c>import</c>, custom tokens): "another electronic medium".</summary>
    public const string FallbackSource = "HS_EORTAM";

    public static readonly LocalDateTimePattern DatePattern = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd' 'HH':'mm':'ss");

    /// <summary>İYS source → ledger source token; several İYS sources of İYS's own channels all become <c>iys</c>.</summary>
    private static readonly Dictionary<string, string> SourceTokens = new(StringComparer.Ordinal)
    {
        ["HS_WEB"] = "web_form",
        ["HS_FIZIKSEL_ORTAM"] = "in_store",
        ["HS_ISLAK_IMZA"] = "wet_signature",
        ["HS_CAGRI_MERKEZI"] = "support_call",
        ["HS_SOSYAL_MEDYA"] = "social_media",
        ["HS_EPOSTA"] = "email_reply",
        ["HS_MESAJ"] = "sms_reply",
        ["HS_MOBIL"] = "mobile_app",
        ["HS_EORTAM"] = "electronic",
        ["HS_ETKINLIK"] = "event",
        ["HS_2015"] = "before_2015",
        ["HS_ATM"] = "atm",
        ["HS_KARAR"] = "authority_decision",
        ["IYS_CM"] = "iys",
        ["IYS_YS"] = "iys",
        ["IYS_WEB"] = "iys",
        ["IYS_MOBIL"] = "iys",
        ["IYS_KISA_MESAJ"] = "iys",
    };

    /// <summary>Ledger source token → İYS source, for export.</summary>
    private static readonly Dictionary<string, string> IysSources = new(StringComparer.Ordinal)
    {
        ["web_form"] = "HS_WEB",
        ["checkout"] = "HS_WEB",
        ["in_store"] = "HS_FIZIKSEL_ORTAM",
        ["wet_signature"] = "HS_ISLAK_IMZA",
        ["support_call"] = "HS_CAGRI_MERKEZI",
        ["social_media"] = "HS_SOSYAL_MEDYA",
        ["email_reply"] = "HS_EPOSTA",
        ["sms_reply"] = "HS_MESAJ",
        ["mobile_app"] = "HS_MOBIL",
        ["electronic"] = "HS_EORTAM",
        ["event"] = "HS_ETKINLIK",
        ["before_2015"] = "HS_2015",
        ["atm"] = "HS_ATM",
        ["authority_decision"] = "HS_KARAR",
        ["iys"] = "IYS_WEB",
    };

    public static bool TryChannel(string type, out ConsentChannel channel)
    {
        (var known, channel) = type switch
        {
            "EPOSTA" => (true, ConsentChannel.Email),
            "MESAJ" => (true, ConsentChannel.Sms),
            "ARAMA" => (true, ConsentChannel.Phone),
            _ => (false, default),
        };
        return known;
    }

    /// <summary>The İYS type of a channel; <see langword="null"/> for push, which İYS does not cover.</summary>
    public static string? TypeOf(ConsentChannel channel) => channel switch
    {
        ConsentChannel.Email => "EPOSTA",
        ConsentChannel.Sms => "MESAJ",
        ConsentChannel.Phone => "ARAMA",
        _ => null,
    };

    public static bool TryAction(string status, out ConsentAction action)
    {
        (var known, action) = status switch
        {
            "ONAY" => (true, ConsentAction.Grant),
            "RET" => (true, ConsentAction.Withdraw),
            _ => (false, default),
        };
        return known;
    }

    public static string StatusOf(ConsentAction action) => action == ConsentAction.Grant ? "ONAY" : "RET";

    public static bool TrySource(string iysSource, out ConsentSource source)
    {
        source = default;
        return SourceTokens.TryGetValue(iysSource, out var token) && ConsentSource.TryFrom(token, out source, out _);
    }

    public static string IysSourceOf(ConsentSource source) => IysSources.GetValueOrDefault(source.Value, FallbackSource);

    public static IEnumerable<string> KnownSources => SourceTokens.Keys.Order(StringComparer.Ordinal);

    /// <summary>A Turkish phone number as İYS writes it: <c>+90</c> and ten digits.</summary>
    public static bool IsTurkishPhone(string text) => TurkishPhone().IsMatch(text);

    public static string FormatDate(Instant instant) => DatePattern.Format(instant.InZone(TimeZones.Istanbul).LocalDateTime);

    [GeneratedRegex(@"^\+90[0-9]{10}$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex TurkishPhone();
}
