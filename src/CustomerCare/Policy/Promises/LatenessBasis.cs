namespace CustomerCare.Policy.Promises;

/// <summary>
/// How "late" is decided against a promised delivery date. Both are defensible, so it is a choice.
/// </summary>
public enum LatenessBasis
{
    /// <summary>
    /// Late when the delivery's calendar date in the customer's own zone is after the promised date: the customer's
    /// view ("it came on the 6th, you said the 5th"). The default.
    /// </summary>
    CustomerLocalDate = 0,

    /// <summary>
    /// Late when the delivery instant is after the end of the promised date in the policy's zone: the company's view,
    /// one deadline instant per order whatever the customer's zone. It differs from the customer's view only for
    /// customers in another zone.
    /// </summary>
    PolicyZoneInstant,
}
