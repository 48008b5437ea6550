namespace CustomerCare.Sample.Simulation;

/// <summary>A Turkish city and how often customers live there, relative to the others.</summary>
/// <param name="Name">The city as Turks write it.</param>
/// <param name="Weight">Its relative share of customers.</param>
public sealed record TurkishCity(string Name, int Weight);

/// <summary>A place abroad where some customers live, with its IANA zone, phone prefix and usual locale.</summary>
/// <param name="City">The city.</param>
/// <param name="TimeZone">The IANA zone.</param>
/// <param name="PhonePrefix">The country calling code and the start of a mobile number.</param>
/// <param name="Locale">The language customers there may choose instead of Turkish.</param>
public sealed record AbroadCity(string City, string TimeZone, string PhonePrefix, string Locale);

/// <summary>Where the simulated customers live.</summary>
public static class Places
{
    /// <summary>Turkish cities, weighted roughly by population and online shopping.</summary>
    public static IReadOnlyList<TurkishCity> Turkey { get; } =
    [
        new("İstanbul", 30),
        new("Ankara", 12),
        new("İzmir", 10),
        new("Bursa", 6),
        new("Antalya", 5),
        new("Kocaeli", 4),
        new("Konya", 4),
        new("Adana", 4),
        new("Gaziantep", 3),
        new("Eskişehir", 3),
        new("Mersin", 3),
        new("Diyarbakır", 3),
        new("Kayseri", 2),
        new("Samsun", 2),
        new("Denizli", 2),
        new("Şanlıurfa", 2),
        new("Trabzon", 2),
        new("Muğla", 1),
        new("Erzurum", 1),
        new("Van", 1),
    ];

    /// <summary>Places abroad: the diaspora and a few expatriates.</summary>
    public static IReadOnlyList<AbroadCity> Abroad { get; } =
    [
        new("Berlin", "Europe/Berlin", "+49 15", "de-DE"),
        new("Köln", "Europe/Berlin", "+49 17", "de-DE"),
        new("Amsterdam", "Europe/Amsterdam", "+31 6", "nl-NL"),
        new("London", "Europe/London", "+44 7", "en-GB"),
        new("New York", "America/New_York", "+1 212", "en-US"),
        new("Tokyo", "Asia/Tokyo", "+81 90", "ja-JP"),
        new("Dubai", "Asia/Dubai", "+971 50", "en-AE"),
    ];

    /// <summary>The first digits of Turkish mobile numbers after <c>+90</c>.</summary>
    public static IReadOnlyList<string> MobilePrefixes { get; } =
    [
        "501", "505", "506", "507", "530", "531", "532", "533", "534", "535", "536", "537", "538", "539",
        "541", "542", "543", "544", "545", "546", "551", "552", "553", "554", "555",
    ];

    /// <summary>E-mail providers Turkish customers use.</summary>
    public static IReadOnlyList<string> MailDomains { get; } =
    [
        "gmail.com", "gmail.com", "gmail.com", "hotmail.com", "hotmail.com", "outlook.com", "yandex.com.tr", "icloud.com", "yahoo.com",
    ];
}
