using System.Collections;
using System.Reflection;
using CustomerCare.Feedback;
using CustomerCare.Storage;
using CustomerCare.Testing;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;

namespace CustomerCare.Tests.Conformance;

/// <summary>
/// The erasure suite over the default in-memory stores. The search walks every field of every store object, private
/// ones included, down to each string it holds: the raw storage of an in-memory store is its object graph.
/// </summary>
public sealed class InMemoryPersonalDataErasureConformanceTests : PersonalDataErasureConformanceTests
{
    private static readonly Type[] StoreContracts =
    [
        typeof(ICustomerStore), typeof(IComplaintStore), typeof(ISurveyStore), typeof(IReviewStore), typeof(IOutboxStore),
        typeof(ICouponStore), typeof(ICompensationLedger), typeof(ISegmentMembershipStore), typeof(IPriceHistoryStore),
    ];

    protected override ValueTask<IServiceProvider> CreateServicesAsync(IClock clock)
    {
        var services = new ServiceCollection().AddSingleton(clock);
        services.AddCustomerCare().AddSurveys().AddReviewHealth();
        return ValueTask.FromResult<IServiceProvider>(services.BuildServiceProvider());
    }

    protected override ValueTask<IReadOnlyList<string>> SearchAllAsync(IServiceProvider services, string needle)
    {
        var found = new List<string>();
        foreach (var contract in StoreContracts)
        {
            var store = services.GetRequiredService(contract);
            var strings = new List<string>();
            Collect(store, strings, new HashSet<object>(ReferenceEqualityComparer.Instance), depth: 0);
            found.AddRange(strings.Where(s => s.Contains(needle, StringComparison.OrdinalIgnoreCase)).Select(s => $"{store.GetType().Name}: {s}"));
        }

        return ValueTask.FromResult<IReadOnlyList<string>>(found);
    }

    private static void Collect(object? value, List<string> strings, HashSet<object> seen, int depth)
    {
        if (value is null || depth > 64)
        {
            return;
        }

        if (value is string text)
        {
            strings.Add(text);
            return;
        }

        var type = value.GetType();
        if (type.IsPrimitive || type.IsEnum || value is Type or Delegate or Lock or DateTimeZone || (!type.IsValueType && !seen.Add(value)))
        {
            return;
        }

        if (value is Array array)
        {
            foreach (var item in array)
            {
                Collect(item, strings, seen, depth + 1);
            }

            return;
        }

        // Collections are walked through their items as well as their fields, since some keep items in native buffers.
        if (value is IEnumerable items && !type.Namespace!.StartsWith("CustomerCare", StringComparison.Ordinal))
        {
            foreach (var item in items)
            {
                Collect(item, strings, seen, depth + 1);
            }
        }

        for (var t = type; t is not null && t != typeof(object); t = t.BaseType)
        {
            foreach (var field in t.GetFields(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.DeclaredOnly))
            {
                if (!field.FieldType.IsPointer && !field.FieldType.IsByRefLike)
                {
                    Collect(field.GetValue(value), strings, seen, depth + 1);
                }
            }
        }
    }
}
