using System.Text.Json;
using CustomerCare.Complaints;
using CustomerCare.Customers;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Sample;

public sealed class CustomerCommandTests
{
    private const string Email = "ışıl.şahin@örnek.com.tr";

    [Fact]
    public async Task CustomerExport_PrintsTheVersionedDocumentWithTheProfileAndComplaints()
    {
        await using var runner = new SampleRunner();
        await SeedAsync(runner);

        var run = await runner.RunAsync("customer", "export", "--id", "c-77");

        Assert.Equal((0, string.Empty), (run.ExitCode, run.Error));
        var json = run.Json();
        Assert.Equal("customercare.customer-export/1", json.GetProperty("schema").GetString());
        Assert.Equal("c-77", json.GetProperty("customer_id").GetString());
        Assert.Equal(Email, json.GetProperty("sections").GetProperty("profile").GetProperty("email").GetString());
        Assert.Equal(1, json.GetProperty("sections").GetProperty("complaints").GetArrayLength());
    }

    [Fact]
    public async Task CustomerExport_WithOut_WritesTheJsonToTheFile()
    {
        await using var runner = new SampleRunner();
        await SeedAsync(runner);
        var directory = Directory.CreateTempSubdirectory("customercare-export-").FullName;
        try
        {
            var path = Path.Combine(directory, "export.json");

            var run = await runner.RunAsync("customer", "export", "--id", "c-77", "--out", path);

            Assert.Equal(0, run.ExitCode);
            Assert.Contains(path, run.Out, StringComparison.Ordinal);
            using var document = JsonDocument.Parse(await File.ReadAllTextAsync(path));
            Assert.Equal("Işıl", document.RootElement.GetProperty("sections").GetProperty("profile").GetProperty("name").GetProperty("given_name").GetString());
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task CustomerErase_PrintsTheReport_AndTheNextExportHoldsNoPersonalData()
    {
        await using var runner = new SampleRunner();
        await SeedAsync(runner);

        var erase = await runner.RunAsync("customer", "erase", "--id", "c-77");
        var export = await runner.RunAsync("customer", "export", "--id", "c-77");

        Assert.Equal((0, string.Empty), (erase.ExitCode, erase.Error));
        Assert.Contains("Erased c-77: 2 records changed.", erase.Out, StringComparison.Ordinal);
        Assert.Contains("complaints: 1", erase.Out, StringComparison.Ordinal);
        Assert.Contains("profile: 1", erase.Out, StringComparison.Ordinal);
        Assert.DoesNotContain(Email, export.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Işıl", export.Out, StringComparison.Ordinal);
        Assert.Contains("[erased]", export.Out, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("export")]
    [InlineData("erase")]
    public async Task Customer_UnknownId_ExitsOneNamingTheId(string subcommand)
    {
        var run = await SampleRunner.RunOnceAsync("customer", subcommand, "--id", "c-404");

        Assert.Equal((1, string.Empty), (run.ExitCode, run.Out));
        Assert.Contains("'c-404'", run.Error, StringComparison.Ordinal);
    }

    private static async Task SeedAsync(SampleRunner runner)
    {
        var services = runner.Host.Services;
        var customer = new CustomerBuilder().WithId("c-77").Named("Işıl", "Şahin").WithEmail(Email).Build();
        var committed = await services.GetRequiredService<ICustomerStore>().CommitAsync(new CustomerChangeSet { Customers = [new VersionedWrite<Customer>(customer, 0)] });
        Assert.True(committed.IsCommitted);
        await services.GetRequiredService<IComplaintStore>().AddAsync(new Complaint
        {
            Id = ComplaintId.New(),
            Channel = ComplaintChannel.Email,
            SourceReference = "sample-mail-1",
            AuthorHandle = Email,
            Text = "Işıl Şahin: kargom gelmedi.",
            Match = new CustomerMatch(customer.Id, MatchReason.Email),
            ReceivedAt = runner.Host.Clock.GetCurrentInstant(),
        });
    }
}
