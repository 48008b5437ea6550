using CustomerCare.Storage.InMemory;
using CustomerCare.Testing;

namespace CustomerCare.Tests.Conformance;

public sealed class CustomerStoreUnderTestTests
{
    [Fact]
    public void For_OneStore_ServesBothContracts()
    {
        var store = new InMemoryCustomerStore();

        var underTest = CustomerStoreUnderTest.For(store);

        Assert.Same(store, underTest.Customers);
        Assert.Same(store, underTest.Ledger);
    }

    [Fact]
    public async Task DisposeAsync_RunsTheCleanupOnceAfterDisposingTheStore()
    {
        var steps = new List<string>();
        var underTest = new CustomerStoreUnderTest(new RecordingStore(steps, "customers"), new RecordingStore(steps, "ledger"))
        {
            Cleanup = () =>
            {
                steps.Add("cleanup");
                return ValueTask.CompletedTask;
            },
        };

        await underTest.DisposeAsync();
        await underTest.DisposeAsync();

        Assert.Equal(["dispose customers", "dispose ledger", "cleanup"], steps);
    }

    [Fact]
    public async Task DisposeAsync_SameObjectForBothContracts_DisposesItOnce()
    {
        var steps = new List<string>();
        var store = new RecordingStore(steps, "store");

        await new CustomerStoreUnderTest(store, store).DisposeAsync();

        Assert.Equal(["dispose store"], steps);
    }

    /// <summary>A real store that also records when it is disposed.</summary>
    private sealed class RecordingStore(List<string> steps, string name) : DelegatingStore(new InMemoryCustomerStore()), IAsyncDisposable
    {
        public ValueTask DisposeAsync()
        {
            steps.Add("dispose " + name);
            return ValueTask.CompletedTask;
        }
    }
}
