using CustomerCare.Complaints;
using CustomerCare.Customers;
using CustomerCare.Returns;

namespace CustomerCare.Notifications.Events;

/// <summary>The few words the notifiers put into models themselves, in Turkish and in English.</summary>
internal static class NoticeTexts
{
    public static bool IsTurkish(Locale locale) => locale.Culture.TwoLetterISOLanguageName == "tr";

    public static string Topic(ComplaintCategory category, Locale locale) => IsTurkish(locale)
        ? category switch
        {
            ComplaintCategory.LateDelivery => "Geciken teslimat",
            ComplaintCategory.NeverDelivered => "Teslim edilmeyen sipariş",
            ComplaintCategory.Damaged => "Hasarlı ürün",
            ComplaintCategory.WrongItem => "Yanlış ürün",
            ComplaintCategory.ReturnRefund => "İade ve geri ödeme",
            ComplaintCategory.UnansweredQuestion => "Yanıtlanmamış soru",
            ComplaintCategory.Misunderstanding => "Yanlış anlaşılma",
            ComplaintCategory.CommunicationProblem => "İletişim sorunu",
            ComplaintCategory.ServiceDissatisfaction => "Hizmet memnuniyeti",
            _ => "Genel talep",
        }
        : category switch
        {
            ComplaintCategory.LateDelivery => "Late delivery",
            ComplaintCategory.NeverDelivered => "Order not delivered",
            ComplaintCategory.Damaged => "Damaged item",
            ComplaintCategory.WrongItem => "Wrong item",
            ComplaintCategory.ReturnRefund => "Return and refund",
            ComplaintCategory.UnansweredQuestion => "Unanswered question",
            ComplaintCategory.Misunderstanding => "Misunderstanding",
            ComplaintCategory.CommunicationProblem => "Communication problem",
            ComplaintCategory.ServiceDissatisfaction => "Service",
            _ => "General request",
        };

    public static IReadOnlyList<string> NextSteps(Locale locale) => IsTurkish(locale)
        ? ["Kaydınızı inceliyoruz.", "Gerekirse ilgili birimlerle ve kargo firmasıyla görüşeceğiz.", "Sonucu size bu kanaldan bildireceğiz."]
        : ["We are reviewing your request.", "We will talk to the teams and the carrier involved if needed.", "We will tell you the outcome on this channel."];

    public static string Refusal(ReturnRefusal refusal, Locale locale) => IsTurkish(locale)
        ? refusal switch
        {
            ReturnRefusal.UnknownOrder => "siparişi kayıtlarımızda bulamadık",
            ReturnRefusal.NotTheCustomersOrder => "sipariş bu hesaba ait görünmüyor",
            ReturnRefusal.NotDelivered => "sipariş henüz teslim edilmedi",
            ReturnRefusal.AlreadyReturned => "bu sipariş için iade zaten yapıldı",
            ReturnRefusal.WindowClosed => "iade süresi doldu",
            ReturnRefusal.Opened => "ambalajı açılan bu ürün sağlık ve hijyen nedeniyle iade alınamıyor",
            ReturnRefusal.ExcludedCategory => "bu ürün grubu iade kapsamı dışında",
            ReturnRefusal.NotADefect => "bildirilen durum ayıplı mal kapsamına girmiyor",
            _ => "talep iade koşullarını karşılamıyor",
        }
        : refusal switch
        {
            ReturnRefusal.UnknownOrder => "we could not find the order in our records",
            ReturnRefusal.NotTheCustomersOrder => "the order does not belong to this account",
            ReturnRefusal.NotDelivered => "the order has not been delivered yet",
            ReturnRefusal.AlreadyReturned => "this order has already been returned",
            ReturnRefusal.WindowClosed => "the return period has ended",
            ReturnRefusal.Opened => "this item cannot be returned once opened, for health and hygiene reasons",
            ReturnRefusal.ExcludedCategory => "this kind of item is not covered by returns",
            ReturnRefusal.NotADefect => "what was reported is not a defect",
            _ => "the request does not meet the return conditions",
        };

    public static string Carrier(string configured, Locale locale) =>
        configured.Length > 0 ? configured : IsTurkish(locale) ? "kargo firması" : "our carrier";
}
