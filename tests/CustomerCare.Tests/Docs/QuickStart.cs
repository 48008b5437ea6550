using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Storage;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Docs;

/// <summary>The README's quick start, kept here so that it compiles and runs. Keep the two in step.</summary>
internal static class QuickStart
{
    public static async Task<string> RunAsync()
    {
        // README:begin
        var services = new ServiceCollection();
        services.AddCustomerCare(options => options.Currency = "TRY");
        await using var provider = services.BuildServiceProvider();
        var events = provider.GetRequiredService<CustomerEventProcessor>();

        var ayse = new Customer(CustomerId.From("c-1001"), new PersonName("Ayşe", "Yılmaz"), Instant.FromUtc(2026, 1, 5, 9, 0), Currency.TRY)
        {
            Email = EmailAddress.Parse("ayse@example.com"),
            Birthday = Birthday.Parse("--02-29"),
            TimeZone = TimeZones.Resolve("Europe/Istanbul"),
            City = "İstanbul",
        };
        await events.ApplyAsync(new CustomerRegistered(EventId.From("evt-1"), ayse));
        await events.ApplyAsync(new OrderPlaced(EventId.From("evt-2"), ayse.Id, Instant.FromUtc(2026, 2, 1, 10, 0), OrderId.From("o-1"), new Money(1249.90m, Currency.TRY)));
        await events.ApplyAsync(new OrderPlaced(EventId.From("evt-2"), ayse.Id, Instant.FromUtc(2026, 2, 1, 10, 0), OrderId.From("o-1"), new Money(1249.90m, Currency.TRY)));

        var stored = await provider.GetRequiredService<ICustomerStore>().FindAsync(ayse.Id);
        var line = $"{stored!.Name}: {stored.Stats.OrderCount} order(s), {stored.Stats.TotalSpend}";
        // README:end
        return line;
    }
}
