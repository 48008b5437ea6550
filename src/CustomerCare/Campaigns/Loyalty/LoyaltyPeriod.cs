namespace CustomerCare.Campaigns.Loyalty;

/// <summary>How often a loyal customer earns the loyalty coupon.</summary>
public enum LoyaltyPeriod
{
    /// <summary>Once per calendar month, in the customer's zone; the ledger period reads <c>2027-03</c>.</summary>
    Month = 0,

    /// <summary>Once per calendar quarter, in the customer's zone; the ledger period reads <c>2027-Q1</c>.</summary>
    Quarter,

    /// <summary>Once per calendar year, in the customer's zone; the ledger period reads <c>2027</c>.</summary>
    Year,
}
