using System.Runtime.CompilerServices;
using System.Text;
using CustomerCare.Channels;
using CustomerCare.Customers;
using CustomerCare.Orders;
using CustomerCare.Specifications;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using CustomerCare.Tests.Support;

namespace CustomerCare.Tests.Conformance;

// The code of docs/writing-a-plugin.md. Every ```csharp block of that guide appears in this file line for line
// (DocsExamplePluginTests checks it), so the guide compiles and its example store passes the kit.

/// <summary>A storage plugin in miniature: customers, orders and the ledger in dictionaries behind one lock.</summary>
public sealed class DictionaryCustomerStore : ICustomerStore, IProcessedEventLedger
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Customer> _customers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Order> _orders = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ProcessedEvent> _ledger = new(StringComparer.Ordinal);

    public ValueTask<CommitResult> CommitAsync(CustomerChangeSet changes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(changes);
        changes.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            // Check every condition before writing anything: the commit is all or nothing.
            foreach (var entry in changes.Events)
            {
                if (_ledger.ContainsKey(entry.EventId.Value))
                {
                    return ValueTask.FromResult(new CommitResult(CommitOutcome.EventAlreadyProcessed, entry.EventId.Value));
                }
            }

            var conflict = FirstConflict(_customers, changes.Customers, c => c.Id.Value, c => c.Version)
                ?? FirstConflict(_orders, changes.Orders, o => o.Id.Value, o => o.Version);
            if (conflict is not null)
            {
                return ValueTask.FromResult(new CommitResult(CommitOutcome.VersionConflict, conflict));
            }

            // The store assigns versions: expected + 1, whatever Version the item carries.
            foreach (var write in changes.Customers)
            {
                _customers[write.Item.Id.Value] = write.Item with { Version = write.ExpectedVersion + 1 };
            }

            foreach (var write in changes.Orders)
            {
                _orders[write.Item.Id.Value] = write.Item with { Version = write.ExpectedVersion + 1 };
            }

            foreach (var entry in changes.Events)
            {
                _ledger[entry.EventId.Value] = entry;
            }

            return ValueTask.FromResult(CommitResult.Committed);
        }
    }

    private static string? FirstConflict<T>(Dictionary<string, T> stored, IEnumerable<VersionedWrite<T>> writes, Func<T, string> key, Func<T, long> version)
    {
        foreach (var write in writes)
        {
            var id = key(write.Item);
            var current = stored.TryGetValue(id, out var item) ? version(item) : 0;
            if (current != write.ExpectedVersion)
            {
                return id;
            }
        }

        return null;
    }

    public ValueTask<Customer?> FindAsync(CustomerId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_customers.GetValueOrDefault(id.Value));
        }
    }

    public ValueTask<Order?> FindOrderAsync(OrderId id, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_orders.GetValueOrDefault(id.Value));
        }
    }

    public ValueTask<IReadOnlyList<Customer>> ListAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Customer> result = InMemorySpecificationEvaluator.Evaluate(Snapshot(_customers), specification).ToArray();
        return ValueTask.FromResult(result);
    }

    public async IAsyncEnumerable<Customer> StreamAsync(ISpecification<Customer> specification, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        foreach (var customer in await ListAsync(specification, cancellationToken))
        {
            cancellationToken.ThrowIfCancellationRequested();
            yield return customer;
        }
    }

    public ValueTask<long> CountAsync(ISpecification<Customer> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        return ValueTask.FromResult(InMemorySpecificationEvaluator.Count(Snapshot(_customers), specification));
    }

    public ValueTask<IReadOnlyList<Order>> ListOrdersAsync(ISpecification<Order> specification, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(specification);
        cancellationToken.ThrowIfCancellationRequested();
        IReadOnlyList<Order> result = InMemorySpecificationEvaluator.Evaluate(Snapshot(_orders), specification).ToArray();
        return ValueTask.FromResult(result);
    }

    // The evaluator breaks ties by source order, so it must see the items in ascending ordinal id order.
    private T[] Snapshot<T>(Dictionary<string, T> items)
    {
        lock (_gate)
        {
            return items.OrderBy(pair => pair.Key, StringComparer.Ordinal).Select(pair => pair.Value).ToArray();
        }
    }

    public ValueTask<bool> ContainsAsync(EventId eventId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_ledger.ContainsKey(eventId.Value));
        }
    }

    public ValueTask<ProcessedEvent?> FindEntryAsync(EventId eventId, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            return ValueTask.FromResult(_ledger.GetValueOrDefault(eventId.Value));
        }
    }

    public ValueTask<int> PruneAsync(Instant processedBefore, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate)
        {
            var stale = _ledger.Values.Where(entry => entry.ProcessedAt < processedBefore).Select(entry => entry.EventId.Value).ToList();
            foreach (var key in stale)
            {
                _ledger.Remove(key);
            }

            return ValueTask.FromResult(stale.Count);
        }
    }
}

public static class DictionaryStoreCustomerCareBuilderExtensions
{
    /// <summary>Stores customers, orders and the event ledger in <see cref="DictionaryCustomerStore"/>.</summary>
    public static ICustomerCareBuilder UseDictionaryStore(this ICustomerCareBuilder builder) =>
        builder.UseCustomerStore<DictionaryCustomerStore>();
}

public sealed class DictionaryCustomerStoreTests : CustomerStoreConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new DictionaryCustomerStore()));
}

public sealed class DictionaryCustomerStoreConcurrencyTests : CustomerStoreConcurrencyConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new DictionaryCustomerStore()));
}

public sealed class DictionaryProcessedEventLedgerTests : ProcessedEventLedgerConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new DictionaryCustomerStore()));
}

public sealed class DictionaryProcessedEventLedgerPruningTests : ProcessedEventLedgerPruningConformanceTests
{
    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new DictionaryCustomerStore()));
}

public sealed class DictionaryStoreCoverageTests
{
    [Fact]
    public void EveryContractTheStoreImplements_HasItsSuiteInThisAssembly() =>
        ConformanceCoverage.AssertImplemented(
            typeof(DictionaryStoreCoverageTests).Assembly,
            [.. ConformanceCoverage.ContractsOf(typeof(DictionaryCustomerStore))]);
}

// A store whose database expires ledger entries by itself opts out of the pruning suite, visibly.
public sealed class SelfExpiringLedgerTests : ProcessedEventLedgerConformanceTests
{
    protected override bool SupportsPruning => false;

    protected override ValueTask<CustomerStoreUnderTest> CreateStoreAsync() =>
        ValueTask.FromResult(CustomerStoreUnderTest.For(new DictionaryCustomerStore()));
}

/// <summary>Drops each message as a file in a folder, for a pickup service to send.</summary>
public sealed class FileDropChannel(DirectoryInfo folder) : IOutboundChannel
{
    public string Name => "file-drop";

    public async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.Recipient))
        {
            return SendResult.Permanent("The message has no recipient.");
        }

        // The message id is the idempotency key, and it names the file: refuse ids that would leave the folder.
        if (string.IsNullOrWhiteSpace(message.MessageId) || message.MessageId is "." or ".." || message.MessageId.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            return SendResult.Permanent($"Message id '{message.MessageId}' cannot name a file.");
        }

        var target = Path.Combine(folder.FullName, message.MessageId + ".txt");
        if (File.Exists(target))
        {
            return SendResult.Sent(target);
        }

        var temporary = target + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var text = $"To: {message.Recipient}\nSubject: {message.Subject}\nContent-Type: {message.ContentType}\n\n{message.Body}";
            await File.WriteAllTextAsync(temporary, text, Encoding.UTF8, cancellationToken);

            // A rename is atomic: a pickup service never sees half a message, and a concurrent send of the same id loses cleanly.
            File.Move(temporary, target, overwrite: false);
            return SendResult.Sent(target);
        }
        catch (IOException) when (File.Exists(target))
        {
            return SendResult.Sent(target);
        }
        catch (IOException e)
        {
            return SendResult.Transient(e.Message);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        if (serviceKey is not null)
        {
            return null;
        }

        return serviceType.IsInstanceOfType(this) ? this : serviceType.IsInstanceOfType(folder) ? folder : null;
    }
}

/// <summary>Counts sends by outcome; a decorator overrides only what it changes.</summary>
public sealed class CountingOutboundChannel(IOutboundChannel innerChannel) : DelegatingOutboundChannel(innerChannel)
{
    private int _sent;
    private int _failed;

    public int Sent => Volatile.Read(ref _sent);

    public int Failed => Volatile.Read(ref _failed);

    public override async ValueTask<SendResult> SendAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var result = await base.SendAsync(message, cancellationToken);
        if (result.Status == SendStatus.Sent)
        {
            Interlocked.Increment(ref _sent);
        }
        else
        {
            Interlocked.Increment(ref _failed);
        }

        return result;
    }
}

public static class FileDropCustomerCareBuilderExtensions
{
    /// <summary>Adds the file-drop channel; calling it twice registers it once.</summary>
    public static ICustomerCareBuilder AddFileDropChannel(this ICustomerCareBuilder builder, DirectoryInfo folder)
    {
        builder.Services.TryAddEnumerable(ServiceDescriptor.Singleton<IOutboundChannel, FileDropChannel>(_ => new FileDropChannel(folder)));
        return builder;
    }
}

/// <summary>Tests of the guide's code that the kit does not cover: registration, the channel, and the guide itself.</summary>
public sealed class DocsExamplePluginTests : IDisposable
{
    private readonly DirectoryInfo _folder = Directory.CreateTempSubdirectory("customercare-docs-");

    public void Dispose() => _folder.Delete(recursive: true);

    [Fact]
    public async Task UseDictionaryStore_RegistersOneStoreForBothContracts_ThatTheProcessorUses()
    {
        var services = new ServiceCollection();
        services.AddSingleton<IClock>(TestClocks.AtUtc(2026, 11, 22, 9));
        services.AddCustomerCare().UseDictionaryStore();
        await using var provider = services.BuildServiceProvider();
        var events = new CommerceEvents();
        var customer = new CustomerBuilder().WithId("c-1").Build();

        var result = await provider.GetRequiredService<CustomerEventProcessor>().ApplyAsync(events.Registered(customer));

        var store = provider.GetRequiredService<DictionaryCustomerStore>();
        Assert.Same(store, provider.GetRequiredService<ICustomerStore>());
        Assert.Same(store, provider.GetRequiredService<IProcessedEventLedger>());
        Assert.Equal(EventApplyOutcome.Applied, result.Outcome);
        Assert.Equal(1, (await store.FindAsync(customer.Id))?.Version);
    }

    [Fact]
    public async Task FileDropChannel_SameMessageIdTwice_DeliversOneFileAndReportsSentBothTimes()
    {
        var channel = new FileDropChannel(_folder);
        var message = new OutboundMessage("msg-1", "file-drop", "ayse@example.com", "Merhaba Ayşe") { Subject = "Siparişiniz" };

        var first = await channel.SendAsync(message);
        var second = await channel.SendAsync(message with { Body = "changed" });

        Assert.Equal(SendStatus.Sent, first.Status);
        Assert.Equal(SendStatus.Sent, second.Status);
        var file = Assert.Single(_folder.GetFiles());
        Assert.Equal("msg-1.txt", file.Name);
        Assert.Equal("To: ayse@example.com\nSubject: Siparişiniz\nContent-Type: text/plain\n\nMerhaba Ayşe", await File.ReadAllTextAsync(file.FullName));
    }

    [Fact]
    public async Task FileDropChannel_ConcurrentSendsOfOneId_DeliverOneFile()
    {
        var channel = new FileDropChannel(_folder);
        var message = new OutboundMessage("msg-race", "file-drop", "ayse@example.com", "Merhaba");

        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(async () => await channel.SendAsync(message))));

        Assert.All(results, r => Assert.Equal(SendStatus.Sent, r.Status));
        Assert.Equal("msg-race.txt", Assert.Single(_folder.GetFiles()).Name);
    }

    [Fact]
    public async Task FileDropChannel_MessageIdLeavingTheFolderOrNoRecipient_FailsPermanentlyWritingNothing()
    {
        var channel = new FileDropChannel(_folder);

        var escaping = await channel.SendAsync(new OutboundMessage("../escape", "file-drop", "ayse@example.com", "x"));
        var anonymous = await channel.SendAsync(new OutboundMessage("msg-2", "file-drop", " ", "x"));

        Assert.Equal(SendStatus.PermanentFailure, escaping.Status);
        Assert.Contains("../escape", escaping.Error, StringComparison.Ordinal);
        Assert.Equal(SendStatus.PermanentFailure, anonymous.Status);
        Assert.Empty(_folder.GetFiles());
        Assert.False(File.Exists(Path.Combine(_folder.Parent!.FullName, "escape.txt")));
    }

    [Fact]
    public async Task FileDropChannel_FolderGone_FailsTransiently()
    {
        var gone = new DirectoryInfo(Path.Combine(_folder.FullName, "gone"));
        var channel = new FileDropChannel(gone);

        var result = await channel.SendAsync(new OutboundMessage("msg-1", "file-drop", "ayse@example.com", "x"));

        Assert.Equal(SendStatus.TransientFailure, result.Status);
    }

    [Fact]
    public async Task CountingOutboundChannel_CountsAndForwardsGetServiceThroughTheChain()
    {
        var inner = new FileDropChannel(_folder);
        var counting = new CountingOutboundChannel(inner);

        await counting.SendAsync(new OutboundMessage("msg-1", "file-drop", "ayse@example.com", "x"));
        await counting.SendAsync(new OutboundMessage("msg-2", "file-drop", "", "x"));

        Assert.Equal(1, counting.Sent);
        Assert.Equal(1, counting.Failed);
        Assert.Equal("file-drop", counting.Name);
        Assert.Same(counting, counting.GetService(typeof(CountingOutboundChannel)));
        Assert.Same(inner, counting.GetService(typeof(FileDropChannel)));
        Assert.Same(_folder, counting.GetService(typeof(DirectoryInfo)));
        Assert.Null(counting.GetService(typeof(DirectoryInfo), "some-key"));
        Assert.Null(counting.GetService(typeof(HttpClient)));
    }

    [Fact]
    public async Task AddFileDropChannel_CalledTwice_RegistersTheChannelOnce()
    {
        var services = new ServiceCollection();
        services.AddCustomerCare().AddFileDropChannel(_folder).AddFileDropChannel(_folder);
        await using var provider = services.BuildServiceProvider();

        var channel = Assert.Single(provider.GetServices<IOutboundChannel>());

        Assert.IsType<FileDropChannel>(channel);
    }

    [Fact]
    public void Guide_EveryCSharpBlock_AppearsInThisFileLineForLine()
    {
        var root = RepositoryPaths.Root;
        var guide = File.ReadAllText(Path.Combine(root, "docs", "writing-a-plugin.md"));
        var source = Normalize(File.ReadAllText(Path.Combine(root, "tests", "CustomerCare.Tests", "Conformance", "DocsExamplePluginTests.cs")));
        var blocks = CSharpBlocks(guide);

        Assert.True(blocks.Count >= 8, $"The guide has {blocks.Count} C# blocks; it should show the store, its registration, the suites and the channel.");
        Assert.All(blocks, block => Assert.True(
            ContainsRun(source, Normalize(block)),
            "This C# block of docs/writing-a-plugin.md is not in DocsExamplePluginTests.cs, so nothing proves it compiles:\n" + block));
    }

    private static List<string> CSharpBlocks(string markdown)
    {
        var blocks = new List<string>();
        StringBuilder? current = null;
        foreach (var line in markdown.Split('\n'))
        {
            if (current is null && line.TrimEnd() == "```csharp")
            {
                current = new StringBuilder();
            }
            else if (current is not null && line.TrimEnd() == "```")
            {
                blocks.Add(current.ToString());
                current = null;
            }
            else
            {
                current?.Append(line).Append('\n');
            }
        }

        return blocks;
    }

    // Blocks may be indented differently in the guide than in a method body; blank lines do not matter.
    private static string[] Normalize(string text) =>
        text.Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0).ToArray();

    private static bool ContainsRun(string[] haystack, string[] needle) =>
        needle.Length > 0 && Enumerable.Range(0, haystack.Length - needle.Length + 1).Any(start => haystack.AsSpan(start, needle.Length).SequenceEqual(needle));
}
