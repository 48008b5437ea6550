using System.Globalization;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;

namespace CustomerCare.Policy.Json;

/// <summary>
/// Loads a <see cref="SatisfactionPolicyOptions"/> from JSON, strictly: an unknown property, a wrong type or a bad value
/// is refused with its path, line and column (and a "did you mean" for a misspelt name), and the policy is validated
/// before it is returned. Property names match case-insensitively; enums are written by name.
/// </summary>
/// <remarks>Durations are written <c>14d</c>, <c>1h30m</c>, <c>P14D</c>; amounts <c>"29.90 TRY"</c>. See <c>docs/satisfaction-policy.md</c>.</remarks>
public static partial class SatisfactionPolicyJson
{
    /// <summary>The largest policy document accepted.</summary>
    public const int MaxLength = 1_000_000;

    private static readonly JsonSerializerOptions Options = CreateOptions();
    private static readonly Lazy<string[]> KnownNames = new(() => [.. NamesOf(typeof(SatisfactionPolicyOptions), [])]);

    /// <summary>Reads a policy from JSON text.</summary>
    /// <param name="json">The JSON document.</param>
    /// <param name="source">The document's name for error messages, such as a file path.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="FieldValidationException">The document is malformed or the policy invalid; every error names the path (and the line and column when the JSON itself is wrong).</exception>
    public static SatisfactionPolicyOptions Parse(string json, string source = "policy.json")
    {
        ArgumentNullException.ThrowIfNull(json);
        if (json.Length > MaxLength)
        {
            throw FieldValidationException.For(source, null, FieldErrorCodes.TooLong, $"is {json.Length} characters; a policy has at most {MaxLength}");
        }

        SatisfactionPolicyOptions? policy;
        try
        {
            policy = JsonSerializer.Deserialize<SatisfactionPolicyOptions>(json, Options);
        }
        catch (JsonException malformed)
        {
            throw new FieldValidationException(Describe(malformed, source));
        }

        if (policy is null)
        {
            throw FieldValidationException.For(source, "null", FieldErrorCodes.Required, "is not a policy object");
        }

        try
        {
            policy.Validate();
        }
        catch (FieldValidationException invalid)
        {
            throw new FieldValidationException([.. invalid.Errors.Select(e => FieldErrors.WithPrefix(e, source + ":$"))]);
        }

        return policy;
    }

    /// <summary>Reads a policy from a JSON file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated policy.</returns>
    /// <exception cref="FieldValidationException">The document is malformed or the policy invalid.</exception>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    public static async ValueTask<SatisfactionPolicyOptions> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var info = new FileInfo(path);
        if (info.Exists && info.Length > MaxLength * 4L)
        {
            throw FieldValidationException.For(path, null, FieldErrorCodes.TooLong, $"is {info.Length} bytes; a policy has at most {MaxLength} characters");
        }

        return Parse(await File.ReadAllTextAsync(path, cancellationToken).ConfigureAwait(false), path);
    }

    private static FieldError Describe(JsonException malformed, string source)
    {
        var path = malformed.Path ?? "$";
        var at = malformed.LineNumber is { } line
            ? string.Create(CultureInfo.InvariantCulture, $"{source}:{line + 1}:{(malformed.BytePositionInLine ?? 0) + 1}")
            : source;
        var reason = Reason(malformed);
        if (UnmappedProperty().Match(malformed.Message) is { Success: true } unmapped)
        {
            var name = unmapped.Groups["name"].Value;
            var hint = Closest(name) is { } closest ? $"; did you mean '{closest}'?" : string.Empty;
            return FieldErrors.Create($"{at} ({path})", name, FieldErrorCodes.Unknown, $"is not a policy setting{hint}");
        }

        return FieldErrors.Create($"{at} ({path})", null, FieldErrorCodes.Malformed, reason);
    }

    private static string Reason(JsonException malformed)
    {
        // Our converters' messages are meant for people; the serializer's own end with its location, which is shown already.
        var message = malformed.InnerException is JsonException inner ? inner.Message : malformed.Message;
        var cut = message.IndexOf(" Path: ", StringComparison.Ordinal);
        return "is wrong: " + (cut > 0 ? message[..cut] : message);
    }

    private static string? Closest(string name)
    {
        var best = KnownNames.Value.Select(known => (known, distance: Text.EditDistance.Between(known.ToUpperInvariant(), name.ToUpperInvariant())))
            .OrderBy(c => c.distance).ThenBy(c => c.known, StringComparer.Ordinal).FirstOrDefault();
        return best.known is not null && best.distance <= Math.Max(2, name.Length / 3) ? best.known : null;
    }

    private static IEnumerable<string> NamesOf(Type type, HashSet<Type> seen)
    {
        if (!seen.Add(type) || type.Namespace?.StartsWith("CustomerCare", StringComparison.Ordinal) != true)
        {
            yield break;
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            yield return property.Name;
            var inner = property.PropertyType.IsGenericType ? property.PropertyType.GetGenericArguments()[^1] : property.PropertyType;
            foreach (var name in NamesOf(inner, seen))
            {
                yield return name;
            }
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
            MaxDepth = 16,
            TypeInfoResolver = new System.Text.Json.Serialization.Metadata.DefaultJsonTypeInfoResolver(),
        };
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.Converters.Add(new PolicyDurationConverter());
        options.Converters.Add(new PolicyMoneyConverter());
        options.MakeReadOnly();
        return options;
    }

    [GeneratedRegex(@"The JSON property '(?<name>[^']*)' could not be mapped", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex UnmappedProperty();
}
