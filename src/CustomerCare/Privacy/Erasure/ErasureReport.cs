using System.Collections.Immutable;
using CustomerCare.Customers;
using CustomerCare.Storage;
using NodaTime;

namespace CustomerCare.Privacy.Erasure;

/// <summary>What an erasure did, store by store.</summary>
/// <param name="CustomerId">The customer.</param>
/// <param name="ErasedAt">When the erasure ran.</param>
/// <param name="Stores">Each store's outcome, in the order they ran (the customer store last).</param>
public sealed record ErasureReport(CustomerId CustomerId, Instant ErasedAt, ImmutableArray<StoreErasure> Stores)
{
    /// <summary>Whether every store finished; when not, running the erasure again finishes the rest.</summary>
    public bool IsComplete => Stores.All(s => s.Error is null);

    /// <summary>The records changed in all stores.</summary>
    public int TotalChanged => Stores.Sum(s => s.Changes.Total);
}

/// <summary>One store's part of an erasure.</summary>
/// <param name="Store">The store's type name.</param>
/// <param name="Changes">What it changed; <see cref="ErasureChanges.None"/> when it failed or was skipped.</param>
/// <param name="Error">Why it failed or was skipped, or <see langword="null"/> when it finished.</param>
public sealed record StoreErasure(string Store, ErasureChanges Changes, string? Error = null);
