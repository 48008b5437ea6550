namespace CustomerCare.Packaging.Tests;

/// <summary>The files of the throwaway console application that consumes the packed packages.</summary>
internal static class ConsoleConsumer
{
    public const string ResultPrefix = "RESULT ";

    public static string ProjectFile(string packageVersion, string dependencyInjectionVersion) => $"""
        <Project Sdk="Microsoft.NET.Sdk">
          <PropertyGroup>
            <OutputType>Exe</OutputType>
            <TargetFramework>net10.0</TargetFramework>
            <Nullable>enable</Nullable>
            <ImplicitUsings>enable</ImplicitUsings>
            <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
            <InvariantGlobalization>false</InvariantGlobalization>
          </PropertyGroup>
          <ItemGroup>
            <PackageReference Include="CustomerCare" Version="{packageVersion}" />
            <PackageReference Include="CustomerCare.Sqlite" Version="{packageVersion}" />
            <PackageReference Include="Microsoft.Extensions.DependencyInjection" Version="{dependencyInjectionVersion}" />
          </ItemGroup>
        </Project>
        """;

    public static string NuGetConfig(string packageFolder, IEnumerable<string> machineSources)
    {
        var sources = string.Concat(machineSources.Select((source, index) =>
            $"""{Environment.NewLine}    <add key="machine-{index}" value="{System.Security.SecurityElement.Escape(source)}" />"""));
        return $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="packed" value="{System.Security.SecurityElement.Escape(packageFolder)}" />{sources}
              </packageSources>
            </configuration>
            """;
    }

    // The scenario of the README's quick start, on SQLite, across two service providers: the second one reads what the
    // first committed to the file. The clock is fixed so the run does not depend on the day it runs.
    public const string Program = """
        using System.Globalization;
        using CustomerCare;
        using CustomerCare.Customers;
        using CustomerCare.Orders;
        using CustomerCare.Storage;
        using Microsoft.Extensions.DependencyInjection;
        using NodaTime;

        var path = args[0];
        var id = CustomerId.From("c-1001");

        await using (var provider = Build(path))
        {
            var events = provider.GetRequiredService<CustomerEventProcessor>();
            var ayse = new Customer(id, new PersonName("Ayşe", "Yılmaz"), Instant.FromUtc(2026, 1, 5, 9, 0), Currency.TRY)
            {
                Email = EmailAddress.Parse("ayse@example.com"),
                Birthday = Birthday.Parse("--02-29"),
                TimeZone = TimeZones.Resolve("Europe/Istanbul"),
                City = "İstanbul",
            };
            var order = new OrderPlaced(EventId.From("evt-2"), id, Instant.FromUtc(2026, 2, 1, 10, 0), OrderId.From("o-1"), new Money(1249.90m, Currency.TRY));
            await events.ApplyAsync(new CustomerRegistered(EventId.From("evt-1"), ayse));
            await events.ApplyAsync(order);
            await events.ApplyAsync(order);
        }

        await using (var provider = Build(path))
        {
            var stored = await provider.GetRequiredService<ICustomerStore>().FindAsync(id)
                ?? throw new InvalidOperationException("c-1001 was not found in " + path);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"RESULT {stored.Id} orders={stored.Stats.OrderCount} spend={stored.Stats.TotalSpend.Amount:0.00} {stored.Stats.TotalSpend.Currency.Code}"));
        }

        static ServiceProvider Build(string path)
        {
            var services = new ServiceCollection();
            services.AddSingleton<IClock>(new FixedClock(Instant.FromUtc(2026, 3, 1, 9, 0)));
            services.AddCustomerCare(options => options.Currency = "TRY").UseSqlite(path);
            return services.BuildServiceProvider();
        }

        sealed class FixedClock(Instant now) : IClock
        {
            public Instant GetCurrentInstant() => now;
        }
        """;
}
