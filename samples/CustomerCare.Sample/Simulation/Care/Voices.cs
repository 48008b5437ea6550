using System.Collections.Immutable;
using CustomerCare.Policy.Promises;

namespace CustomerCare.Sample.Simulation.Care;

/// <summary>What simulated customers write, in Turkish as they would: to the point, sometimes without Turkish letters, sometimes angry.</summary>
internal static class Voices
{
    public static readonly ImmutableDictionary<BrokenPromiseKind, ImmutableArray<string>> AboutBrokenPromises = new Dictionary<BrokenPromiseKind, ImmutableArray<string>>
    {
        [BrokenPromiseKind.LateDelivery] =
        [
            "Siparişim hâlâ gelmedi, söz verilen tarih geçti.",
            "Kargom gecikti, ne zaman teslim edilecek?",
            "siparisim gec kaldi, 3 gundur bekliyorum",
            "Teslimat tarihi geçti ama kargo hâlâ yolda görünüyor.",
        ],
        [BrokenPromiseKind.NeverDelivered] =
        [
            "Siparişim bir haftadır gelmedi, kargo kayboldu mu?",
            "Paketim hiç ulaşmadı, param iade edilsin.",
            "SIPARISIM GELMEDI, KIMSE CEVAP VERMIYOR!",
        ],
        [BrokenPromiseKind.Damaged] =
        [
            "Ürün kırık geldi, kutu ezilmişti.",
            "Paket hasarlı geldi, ürün çalışmıyor.",
            "urun kirik geldi, degisim istiyorum",
        ],
        [BrokenPromiseKind.WrongItem] =
        [
            "Yanlış ürün gönderilmiş, ben siyah istemiştim beyaz geldi.",
            "Beden yanlış gelmiş, M sipariş ettim XL geldi.",
            "Siparişimle alakasız bir ürün geldi.",
        ],
    }.ToImmutableDictionary();

    public static readonly ImmutableArray<string> Praise =
    [
        "Çok teşekkür ederim, siparişim erkenden geldi. Harika hizmet!",
        "Müşteri temsilciniz çok ilgiliydi, teşekkürler.",
        "Ürün çok güzel, paketleme de özenliydi. Tebrikler!",
    ];

    public static readonly ImmutableArray<string> Questions =
    [
        "İade kargom ulaştı mı, param ne zaman yatacak?",
        "Geçen hafta yazdım, hâlâ cevap bekliyorum.",
        "Kampanya koşullarını anlamadım, indirim neden uygulanmadı?",
        "Telefonla ulaşamıyorum, sürekli meşgul.",
        "Çağrı merkezindeki kişi çok kabaydı, hiç memnun kalmadım.",
    ];

    public static readonly ImmutableArray<string> Fake =
    [
        "Bu firmadan sakın almayın, hepsi sahte ürün!",
        "Dolandırıcı firma, paramı geri vermiyorlar!",
        "Berbat hizmet, kimse almasın!",
    ];

    public static readonly ImmutableArray<string> LowScoreComments =
    [
        "Ürün geç geldi ve kimse bilgi vermedi.",
        "Kutu hasarlıydı, hiç memnun değilim.",
        "Beklediğim gibi değildi.",
    ];
}
