namespace CustomerCare.Tests.Import;

/// <summary>Small CSV fixtures: a header and rows joined with LF, plus headers that most tests share.</summary>
internal static class Csv
{
    public const string CustomersHeader = "customer_id,given_name,family_name,email,time_zone,birthday,city,signed_up_at";

    public const string OrdersHeader = "order_id,customer_id,placed_at,total,status,shipped_at,delivered_at,cancelled_at,returned_at,refund";

    public const string ReviewsHeader = "review_id,customer_id,product_id,rating,posted_at,order_id,text";

    public const string Ayse = "C1,Ayşe,Yılmaz,ayse@example.com.tr,Europe/Istanbul,1990-05-17,İstanbul,2024-01-15T10:15:00+03:00";

    public const string Mehmet = "C2,Mehmet,Demir,mehmet@example.com.tr,,,Ankara,2024-02-01T09:00:00Z";

    public static string Lines(params string[] lines) => string.Join('\n', lines) + "\n";

    public static string Customers(params string[] rows) => Lines([CustomersHeader, .. rows]);

    public static string Orders(params string[] rows) => Lines([OrdersHeader, .. rows]);

    public static string Reviews(params string[] rows) => Lines([ReviewsHeader, .. rows]);

    /// <summary>An order row: id, customer, placed, total, status, then shipped, delivered, cancelled, returned, refund.</summary>
    public static string Order(string id, string customer, string placed, string total, string status, string shipped = "", string delivered = "", string cancelled = "", string returned = "", string refund = "") =>
        string.Join(',', id, customer, placed, total, status, shipped, delivered, cancelled, returned, refund);
}
