namespace CustomerCare.Webhooks.Tests.Support;

/// <summary>Payloads as each source sends them (before the fake clock's 2027-03-01T09:30Z).</summary>
internal static class Payloads
{
    public static string ComplaintSite(string id = "8812345", string title = "\"Kargom 10 gündür gelmedi\"", string visibility = "public") => $$"""
        {
          "event": "complaint.created",
          "complaint": {
            "id": {{id}},
            "title": {{title}},
            "text": "Siparişim ORD-1001 hâlâ ulaşmadı, kargo takip numarası da çalışmıyor. İade istiyorum.",
            "created_at": "2027-03-01T11:15:00+03:00",
            "visibility": "{{visibility}}",
            "brand": { "id": "4711", "name": "Örnek Mağaza" },
            "author": { "id": "u-99", "name": "Ayşe K.", "email": "ayse.k@example.com.tr" },
            "order_number": "ORD-1001"
          }
        }
        """;

    public const string X = """
        {
          "data": {
            "id": "1894567890123456789",
            "text": "@ornekmagaza siparişim hasarlı geldi, kutu ezik ve ürün kırık!",
            "author_id": "2244994945",
            "created_at": "2027-03-01T08:59:12.000Z",
            "lang": "tr"
          },
          "includes": { "users": [ { "id": "2244994945", "username": "ayse_k", "name": "Ayşe K." } ] }
        }
        """;

    public const string Facebook = """
        {
          "object": "page",
          "entry": [
            {
              "id": "104857600000001",
              "time": 1803800000,
              "changes": [
                { "field": "feed", "value": { "item": "comment", "verb": "add", "post_id": "104857600000001_1", "comment_id": "104857600000001_1_77", "message": "Param iade edilmedi, iki haftadır bekliyorum.", "created_time": 1803790000, "from": { "id": "55", "name": "Mehmet Y." } } },
                { "field": "feed", "value": { "item": "reaction", "verb": "add", "post_id": "104857600000001_1", "reaction_type": "angry", "from": { "id": "56", "name": "Can" } } },
                { "field": "feed", "value": { "item": "post", "verb": "add", "post_id": "104857600000001_2", "message": "Yanlış ürün gönderdiniz, beden farklı.", "created_time": 1803791000, "from": { "id": "57", "name": "Zeynep" } } }
              ]
            }
          ]
        }
        """;
}
