using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using CustomerCare.Webhooks;

namespace CustomerCare.Benchmarks.Webhooks;

/// <summary>
/// Reading a Şikayetvar-shaped complaint-site post into a complaint submission: our path (UTF-8 check, a depth-bounded
/// forward pass, the document, every field checked with its JSON path, e-mail and order number checked by the core
/// value types), beside <see cref="JsonDocument.Parse(ReadOnlyMemory{byte}, JsonDocumentOptions)"/> and plain
/// <c>GetProperty</c> reads that check nothing.
/// </summary>
[MemoryDiagnoser]
public class ComplaintSitePayloadBenchmarks
{
    private readonly ComplaintSiteAdapter _adapter = new();
    private readonly InboundWebhookOptions _options = new();
    private byte[] _body = [];

    [GlobalSetup]
    public void Setup() => _body = Encoding.UTF8.GetBytes("""
        {
          "event": "complaint.created",
          "complaint": {
            "id": 8812345,
            "title": "Kargom 10 gündür gelmedi",
            "text": "Siparişim ORD-1001 hâlâ ulaşmadı, kargo takip numarası da çalışmıyor. İade istiyorum, müşteri hizmetlerine de ulaşamıyorum.",
            "created_at": "2027-03-01T11:15:00+03:00",
            "visibility": "public",
            "brand": { "id": "4711", "name": "Örnek Mağaza" },
            "author": { "id": "u-99", "name": "Ayşe K.", "email": "ayse.k@example.com.tr" },
            "order_number": "ORD-1001"
          }
        }
        """);

    /// <summary><c>JsonDocument.Parse</c> and the fields read with <c>GetProperty</c>; a missing field would throw.</summary>
    [Benchmark(Baseline = true)]
    public int JsonDocumentAndGetProperty()
    {
        using var document = JsonDocument.Parse(_body);
        var complaint = document.RootElement.GetProperty("complaint");
        var id = complaint.GetProperty("id").GetInt64();
        var title = complaint.GetProperty("title").GetString()!;
        var text = complaint.GetProperty("text").GetString()!;
        var created = complaint.GetProperty("created_at").GetDateTimeOffset();
        var author = complaint.GetProperty("author").GetProperty("name").GetString()!;
        return (int)(id % 7) + title.Length + text.Length + author.Length + created.Minute;
    }

    /// <summary>The complaint-site adapter as the inbound handler runs it.</summary>
    [Benchmark]
    public int Adapter()
    {
        if (PayloadReader.CheckUtf8(_body) is not null)
        {
            return -1;
        }

        using var document = PayloadReader.ParseJson(_body, _options.MaxDepth, out _)!;
        var result = _adapter.ReadJson(document.RootElement, _body, _options);
        return result.Submissions.Count == 1 ? result.Submissions[0].Text.Length : -1;
    }
}
