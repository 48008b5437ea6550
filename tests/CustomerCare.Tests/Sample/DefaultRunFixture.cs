using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Sample;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Sample;

/// <summary>Runs the sample once without arguments, as a newcomer does, and keeps the store for the tests to inspect.</summary>
public sealed class DefaultRunFixture : IAsyncLifetime
{
    private readonly SampleRunner _runner = new();

    public CommandOutput Run { get; private set; } = null!;

    public IReadOnlyList<Customer> Customers { get; private set; } = [];

    public IReadOnlyList<Order> Orders { get; private set; } = [];

    public SampleHost Host => _runner.Host;

    public async Task InitializeAsync()
    {
        Run = await _runner.RunAsync();
        var store = _runner.Host.Services.GetRequiredService<ICustomerStore>();
        Customers = await store.ListAsync(new Specification<Customer>());
        Orders = await store.ListOrdersAsync(new Specification<Order>());
    }

    public async Task DisposeAsync() => await _runner.DisposeAsync();
}
