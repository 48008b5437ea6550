using CustomerCare.Customers;
using CustomerCare.Policy.Promises;
using NodaTime;

namespace CustomerCare.Policy.Compensation;

/// <summary>One compensation the company owes for a broken promise: the ledger's row, unique per (subject, kind).</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="Subject">What the promise was broken on, such as <c>order:S-1001</c>.</param>
/// <param name="Kind">The kind of broken promise.</param>
/// <param name="RecordedAt">When it was recorded.</param>
/// <param name="WithCoupon">Whether the compensation includes a coupon (the rule had one and the cap allowed it).</param>
public sealed record CompensationEntry(CustomerId CustomerId, string Subject, BrokenPromiseKind Kind, Instant RecordedAt, bool WithCoupon);

/// <summary>What recording a compensation did.</summary>
public enum CompensationOutcome
{
    /// <summary>Recorded now.</summary>
    Recorded = 0,

    /// <summary>This subject and kind had been recorded before; nothing was written.</summary>
    AlreadyRecorded,
}
