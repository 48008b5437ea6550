using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace CustomerCare.Storage.Serialization;

/// <summary>
/// The JSON form in which storage plugins keep CustomerCare's records as documents: customers, orders, complaints,
/// coupon definitions, surveys, reviews, outbox messages and what they hold. One definition, so that every plugin (ours
/// and yours) writes the same documents and reads back records equal to those it was given.
/// </summary>
/// <remarks>
/// <para>
/// Names are snake_case; identifiers, money currencies, locales, e-mail addresses and phone numbers are strings in their
/// canonical form; instants, dates, times and durations are ISO-8601 text (NodaTime's round-trip patterns); zones are
/// TZDB ids; enums are their names. Values computed from others (a customer's average order value, an order's net
/// total) are not written.
/// </para>
/// <para>
/// Reading goes through each type's own validation, so a document edited by hand into an invalid state is refused with
/// a <see cref="JsonException"/> that names the value, and the JSON path where the reader knows it. Thread-safe.
/// </para>
/// </remarks>
public static class StorageJson
{
    /// <summary>The serializer options; read-only.</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Writes a record as UTF-8 JSON.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static byte[] SerializeToUtf8Bytes<T>(T value)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.SerializeToUtf8Bytes(value, Options);
    }

    /// <summary>Writes a record as JSON text.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="value">The record.</param>
    /// <returns>The document.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="value"/> is <see langword="null"/>.</exception>
    public static string Serialize<T>(T value)
        where T : notnull
    {
        ArgumentNullException.ThrowIfNull(value);
        return JsonSerializer.Serialize(value, Options);
    }

    /// <summary>Reads a record from UTF-8 JSON.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="utf8Json">The document.</param>
    /// <returns>The record.</returns>
    /// <exception cref="JsonException">The document is not valid JSON for <typeparamref name="T"/>, or holds an invalid value; the message names the path.</exception>
    public static T Deserialize<T>(ReadOnlySpan<byte> utf8Json)
    {
        try
        {
            return Checked(JsonSerializer.Deserialize<T>(utf8Json, Options));
        }
        catch (Exception e) when (e is FieldValidationException or ArgumentException)
        {
            throw Invalid<T>(e);
        }
    }

    /// <summary>Reads a record from JSON text.</summary>
    /// <typeparam name="T">The record type.</typeparam>
    /// <param name="json">The document.</param>
    /// <returns>The record.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is <see langword="null"/>.</exception>
    /// <exception cref="JsonException">The document is not valid JSON for <typeparamref name="T"/>, or holds an invalid value; the message names the path.</exception>
    public static T Deserialize<T>(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            return Checked(JsonSerializer.Deserialize<T>(json, Options));
        }
        catch (Exception e) when (e is FieldValidationException or ArgumentException)
        {
            throw Invalid<T>(e);
        }
    }

    private static T Checked<T>(T? value) =>
        value ?? throw new JsonException($"The document is null where a {typeof(T).Name} was expected.");

    /// <summary>A constructor or init accessor refused a value; readers of documents catch <see cref="JsonException"/>.</summary>
    private static JsonException Invalid<T>(Exception e) =>
        new($"The {typeof(T).Name} document holds an invalid value: {e.Message}", e);

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.General)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            // Nulls are written: a property whose default is not null (a coupon's MaxRedemptions is 1) must read back null.
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Skip,
            RespectNullableAnnotations = true,
            TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { SkipComputedProperties } },
        };
        foreach (var converter in StorageJsonConverters.All)
        {
            options.Converters.Add(converter);
        }

        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower, allowIntegerValues: false));
        options.MakeReadOnly();
        return options;
    }

    /// <summary>Leaves out the properties that are computed from others: they have no setter and no constructor parameter.</summary>
    private static void SkipComputedProperties(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        for (var i = typeInfo.Properties.Count - 1; i >= 0; i--)
        {
            var property = typeInfo.Properties[i];
            if (property.Set is null && property.AssociatedParameter is null)
            {
                typeInfo.Properties.RemoveAt(i);
            }
        }
    }
}
