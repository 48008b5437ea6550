using System.Globalization;
using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Policy.Promises;

/// <summary>A detected broken promise: what, to whom, on what, and when it was seen.</summary>
/// <param name="Kind">The kind.</param>
/// <param name="CustomerId">The customer the promise was made to.</param>
/// <param name="Subject">What it was broken on: <c>order:&lt;id&gt;</c>, or <c>complaint:&lt;id&gt;</c> for an unanswered complaint.</param>
/// <param name="DetectedAt">When it was detected.</param>
/// <param name="Detail">What was seen, such as "promised 2027-03-04, delivered 2027-03-06".</param>
public sealed record BrokenPromise(BrokenPromiseKind Kind, CustomerId CustomerId, string Subject, Instant DetectedAt, string Detail)
{
    /// <summary>The kind as the ledgers and templates name it: <c>late_delivery</c>, <c>never_delivered</c>, <c>damaged</c>, <c>wrong_item</c>, <c>unanswered</c>.</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The snake-case name of a kind.</summary>
    /// <param name="kind">The kind.</param>
    /// <returns>The name.</returns>
    public static string NameOf(BrokenPromiseKind kind) => kind switch
    {
        BrokenPromiseKind.LateDelivery => "late_delivery",
        BrokenPromiseKind.NeverDelivered => "never_delivered",
        BrokenPromiseKind.Damaged => "damaged",
        BrokenPromiseKind.WrongItem => "wrong_item",
        BrokenPromiseKind.Unanswered => "unanswered",
        _ => ((int)kind).ToString(CultureInfo.InvariantCulture),
    };
}
