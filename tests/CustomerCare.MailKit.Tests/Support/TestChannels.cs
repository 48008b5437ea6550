using CustomerCare.Channels;
using NodaTime;
using NodaTime.Testing;

namespace CustomerCare.MailKit.Tests.Support;

/// <summary>Options, clocks and messages the tests share.</summary>
internal static class TestChannels
{
    public const string From = "destek@mağaza.example.com.tr";
    public const string FromName = "Müşteri Hizmetleri";

    public static FakeClock Clock() => new(Instant.FromUtc(2027, 3, 1, 9, 30));

    public static SmtpChannelOptions Options(string host, int port) => new()
    {
        Host = host,
        Port = port,
        SecureSocket = SmtpSecureSocket.None,
        From = From,
        FromName = FromName,
        MessageIdDomain = "care.example.com.tr",
        ConnectTimeout = TimeSpan.FromSeconds(10),
        CommandTimeout = TimeSpan.FromSeconds(10),
    };

    /// <summary>An id no other test or run uses, since the shared server's Maildir collects every test's mail.</summary>
    public static string UniqueId(string prefix) => prefix + "/" + Guid.NewGuid().ToString("N");

    public static OutboundMessage Text(string id, string recipient = "ayse.yilmaz@example.com.tr") =>
        new(id, "email", recipient, "Merhaba Ayşe Hanım,\nşikâyetinizi aldık; İstanbul ekibimiz 24 saat içinde dönecek.\nİyi günler dileriz.")
        {
            Subject = "Şikâyetiniz alındı: ğüşıöç İĞÜŞÖÇ",
        };
}
