namespace CustomerCare.Policy;

/// <summary>How the company speaks to customers (seed 000: serious or witty is a company decision); it picks the template variant.</summary>
public enum ToneOfVoice
{
    /// <summary>Formal: "Sayın Ayşe Hanım, yaşadığınız aksaklık için özür dileriz."</summary>
    Formal = 0,

    /// <summary>Friendly: "Merhaba Ayşe, yaşadığın aksilik için çok üzgünüz."</summary>
    Friendly,

    /// <summary>Witty: light and playful, where the brand allows it; never in an apology for serious harm.</summary>
    Witty,
}
