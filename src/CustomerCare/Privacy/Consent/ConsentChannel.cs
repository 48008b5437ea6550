namespace CustomerCare.Privacy.Consent;

/// <summary>How a consented message may reach the customer.</summary>
/// <remarks>The numeric values are stored (in <see cref="ConsentState.Mask"/> bits and in databases); never renumber them.</remarks>
public enum ConsentChannel
{
    /// <summary>E-mail (İYS type <c>EPOSTA</c>).</summary>
    Email = 0,

    /// <summary>SMS (İYS type <c>MESAJ</c>).</summary>
    Sms = 1,

    /// <summary>Phone calls (İYS type <c>ARAMA</c>).</summary>
    Phone = 2,

    /// <summary>Mobile push notifications (no İYS type).</summary>
    Push = 3,
}
