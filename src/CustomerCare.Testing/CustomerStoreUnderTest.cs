using CustomerCare.Storage;

namespace CustomerCare.Testing;

/// <summary>
/// The store a conformance suite runs against: its <see cref="ICustomerStore"/> and the
/// <see cref="IProcessedEventLedger"/> over the same storage, plus how to clean up after one test.
/// </summary>
/// <remarks>
/// <para>
/// A suite calls <c>CreateStoreAsync</c> once per test and disposes the result when the test ends, pass or fail.
/// <see cref="DisposeAsync"/> first disposes <see cref="Customers"/> (and <see cref="Ledger"/>, when it is another
/// object) if they are disposable, so open connections are closed, and then runs <see cref="Cleanup"/>, where a plugin
/// drops the database or schema it created for the test.
/// </para>
/// <para>Not thread-safe to dispose concurrently; a suite disposes it once.</para>
/// </remarks>
/// <param name="Customers">The customer store under test.</param>
/// <param name="Ledger">The processed-event ledger over the same storage as <paramref name="Customers"/>.</param>
public sealed record CustomerStoreUnderTest(ICustomerStore Customers, IProcessedEventLedger Ledger) : IAsyncDisposable
{
    private int _disposed;

    /// <summary>Runs after the store is disposed, for example to drop the test database; <see langword="null"/> for none.</summary>
    public Func<ValueTask>? Cleanup { get; init; }

    /// <summary>Wraps a store that implements both contracts, as a storage plugin's store does.</summary>
    /// <typeparam name="TStore">The store type.</typeparam>
    /// <param name="store">The store, fresh for one test.</param>
    /// <param name="cleanup">Runs after the store is disposed, or <see langword="null"/>.</param>
    /// <returns>The store under test.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="store"/> is <see langword="null"/>.</exception>
    public static CustomerStoreUnderTest For<TStore>(TStore store, Func<ValueTask>? cleanup = null)
        where TStore : ICustomerStore, IProcessedEventLedger
    {
        ArgumentNullException.ThrowIfNull(store);
        return new CustomerStoreUnderTest(store, store) { Cleanup = cleanup };
    }

    /// <summary>Disposes the store and the ledger when they are disposable, then runs <see cref="Cleanup"/>; later calls do nothing.</summary>
    /// <returns>A task that completes when everything is released.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        await DisposeOneAsync(Customers).ConfigureAwait(false);
        if (!ReferenceEquals(Customers, Ledger))
        {
            await DisposeOneAsync(Ledger).ConfigureAwait(false);
        }

        if (Cleanup is { } cleanup)
        {
            await cleanup().ConfigureAwait(false);
        }
    }

    private static async ValueTask DisposeOneAsync(object? instance)
    {
        switch (instance)
        {
            case IAsyncDisposable asyncDisposable:
                await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                break;
            case IDisposable disposable:
                disposable.Dispose();
                break;
        }
    }
}
