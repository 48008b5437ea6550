using System.Text;
using BenchmarkDotNet.Attributes;
using CustomerCare.Channels.Files;
using MimeKit;
using MimeKit.Text;
using NodaTime;

namespace CustomerCare.Benchmarks.Channels;

/// <summary>
/// Writes one Turkish order e-mail (a text and an HTML part, quoted-printable, UTF-8) as the file channel does, to
/// bytes. The peer is MimeKit (the library under the MailKit plugin) building the same multipart/alternative message and
/// writing it to a memory stream.
/// </summary>
[MemoryDiagnoser]
public class EmlWriterBenchmarks
{
    private const string Text = """
        Merhaba Ayşe Çağlayan,

        O42-000728 numaralı siparişin Yurtiçi Kargo ile yola çıktı! Kargo takip numaran: 7829 1124 5567.
        Tahmini teslim tarihi: 19 Ocak 2026 Pazartesi. Teslimat sırasında evde olamayacaksan, kargo şubesinden
        teslim alabilir ya da adres değişikliği için bize yazabilirsin.

        Sipariş özeti:
        - 1 × Örgü Hırka (Lacivert, M) ₺1.249,90
        - 2 × Pamuklu Tişört (Beyaz, L) ₺599,80
        Toplam: ₺1.849,70

        Bir sorun olursa bu e-postayı yanıtlaman yeterli; en geç bir iş günü içinde dönüş yapıyoruz.

        Sevgiler,
        Örnek Mağaza Müşteri Hizmetleri
        """;

    private const string Html = """
        <p>Merhaba Ayşe Çağlayan,</p>
        <p><b>O42-000728</b> numaralı siparişin Yurtiçi Kargo ile yola çıktı! Kargo takip numaran: 7829 1124 5567.<br>
        Tahmini teslim tarihi: 19 Ocak 2026 Pazartesi. Teslimat sırasında evde olamayacaksan, kargo şubesinden teslim alabilir ya da adres değişikliği için bize yazabilirsin.</p>
        <ul><li>1 × Örgü Hırka (Lacivert, M) ₺1.249,90</li><li>2 × Pamuklu Tişört (Beyaz, L) ₺599,80</li></ul>
        <p>Toplam: <b>₺1.849,70</b></p>
        <p>Bir sorun olursa bu e-postayı yanıtlaman yeterli; en geç bir iş günü içinde dönüş yapıyoruz.</p>
        <p>Sevgiler,<br>Örnek Mağaza Müşteri Hizmetleri</p>
        """;

    private static readonly Instant Date = Instant.FromUtc(2026, 1, 17, 9, 30);
    private readonly EmlEnvelope _envelope = new("order/O42-000728/order_shipped", "order-O42-000728-order_shipped.5f1c2a@ornek-magaza.com.tr", Date, "destek@ornek-magaza.com.tr", "Örnek Mağaza", "ayse.caglayan@example.com.tr", "Siparişin yola çıktı 🚚");
    private readonly EmailContent _content = new(Text, Html);

    /// <summary>The file channel's writer, then the bytes it writes to the file.</summary>
    [Benchmark]
    public int Ours() => Encoding.UTF8.GetBytes(EmlWriter.Write(_envelope, _content)).Length;

    /// <summary>MimeKit building the same message and writing it out.</summary>
    [Benchmark(Baseline = true)]
    public long MimeKit()
    {
        var message = new MimeMessage
        {
            MessageId = _envelope.MessageIdHeader,
            Date = Date.ToDateTimeOffset(),
            Subject = _envelope.Subject!,
            Body = new MultipartAlternative
            {
                new TextPart(TextFormat.Plain) { Text = Text, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
                new TextPart(TextFormat.Html) { Text = Html, ContentTransferEncoding = ContentEncoding.QuotedPrintable },
            },
        };
        message.From.Add(new MailboxAddress(_envelope.FromName, _envelope.From));
        message.To.Add(MailboxAddress.Parse(_envelope.To));
        using var stream = new MemoryStream(8192);
        message.WriteTo(stream);
        return stream.Length;
    }
}
