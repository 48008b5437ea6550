namespace CustomerCare.Privacy.Consent;

/// <summary>Whether a consent record gives or takes back a consent.</summary>
/// <remarks>The numeric values are stored; never renumber them.</remarks>
public enum ConsentAction
{
    /// <summary>The customer gave consent (İYS status <c>ONAY</c>).</summary>
    Grant = 0,

    /// <summary>The customer withdrew or refused consent (İYS status <c>RET</c>).</summary>
    Withdraw = 1,
}
