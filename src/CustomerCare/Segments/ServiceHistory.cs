using CustomerCare.Customers;
using NodaTime;

namespace CustomerCare.Segments;

/// <summary>What the service side knows about a customer: open complaints, the latest complaint and the latest CSAT score.</summary>
/// <param name="OpenComplaints">Complaints not yet closed.</param>
/// <param name="LastComplaintAt">When the latest complaint arrived, if any.</param>
/// <param name="LastCsat">The latest satisfaction score, 1–5, if any.</param>
public sealed record ServiceHistory(int OpenComplaints, Instant? LastComplaintAt, int? LastCsat)
{
    /// <summary>No complaints and no score.</summary>
    public static ServiceHistory None { get; } = new(0, null, null);
}

/// <summary>
/// Supplies service history to segment rules (<c>open_complaints</c>, <c>days_since_last_complaint</c>,
/// <c>last_csat</c>). The complaints and surveys features implement it; until then the default knows nothing.
/// </summary>
/// <remarks>Implementations are thread-safe and return an entry only for customers that have history.</remarks>
public interface IServiceHistoryProvider
{
    /// <summary>Returns the history of the given customers.</summary>
    /// <param name="customers">The customers asked about.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>History by customer; customers without history may be missing.</returns>
    ValueTask<IReadOnlyDictionary<CustomerId, ServiceHistory>> GetAsync(IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default);
}

/// <summary>The default <see cref="IServiceHistoryProvider"/>: nobody has any history.</summary>
public sealed class EmptyServiceHistoryProvider : IServiceHistoryProvider
{
    private static readonly IReadOnlyDictionary<CustomerId, ServiceHistory> Empty = new Dictionary<CustomerId, ServiceHistory>();

    /// <inheritdoc />
    public ValueTask<IReadOnlyDictionary<CustomerId, ServiceHistory>> GetAsync(IReadOnlyCollection<CustomerId> customers, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Empty);
}
