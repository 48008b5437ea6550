using CustomerCare.Customers;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace CustomerCare.Tests.Sample;

public sealed class ImportCommandTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("cc-import-cmd-").FullName;

    [Fact]
    public async Task Import_ExampleFiles_ImportsAndReportsAsOfTheLatestData()
    {
        await using var runner = new SampleRunner();

        var result = await runner.RunAsync("import", "--customers", Example("customers.csv"), "--orders", Example("orders.csv"), "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, result.Json().GetProperty("customers").GetProperty("total").GetInt32());
        Assert.True(runner.Host.Clock.GetCurrentInstant() > CustomerCare.Sample.SampleHost.DefaultStart);
    }

    [Fact]
    public async Task Import_BadRow_NamesFileLineColumnAndImportsNothing()
    {
        var customers = Path.Combine(_folder, "customers.csv");
        var lines = File.ReadAllLines(Example("customers.csv"));
        var header = lines[0].Split(',');
        var birthday = Array.IndexOf(header, "birthday");
        var row = lines[3].Split(',');
        row[birthday] = "1990-02-30";
        lines[3] = string.Join(',', row);
        await File.WriteAllLinesAsync(customers, lines);
        await using var runner = new SampleRunner();

        var result = await runner.RunAsync("import", "--customers", customers, "--orders", Example("orders.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"customers.csv:4:{birthday + 1} (birthday): value '1990-02-30'", result.Error, StringComparison.Ordinal);
        Assert.Contains("Nothing was imported.", result.Error, StringComparison.Ordinal);
        Assert.Equal(0, await runner.Host.Services.GetRequiredService<ICustomerStore>().CountAsync(new Specification<Customer>()));
    }

    [Fact]
    public async Task Import_MissingRequiredOption_IsAUsageError()
    {
        var result = await SampleRunner.RunOnceAsync("import", "--customers", Example("customers.csv"));

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--orders", result.Error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private static string Example(string file) => RepositoryPaths.Combine("docs", "examples", file);
}
