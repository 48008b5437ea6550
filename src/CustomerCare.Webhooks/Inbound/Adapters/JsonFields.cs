using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace CustomerCare.Webhooks;

/// <summary>Reads typed fields out of a JSON document, collecting an error that names the JSON path for each one missing or of the wrong kind.</summary>
internal sealed class JsonFields
{
    public List<FieldError> Errors { get; } = [];

    public static string Join(string path, string name) => path + "." + name;

    public JsonElement? Object(JsonElement parent, string name, string path, bool required = true) =>
        Get(parent, name, path, required, JsonValueKind.Object, "an object");

    public JsonElement? Array(JsonElement parent, string name, string path, bool required = true) =>
        Get(parent, name, path, required, JsonValueKind.Array, "an array");

    /// <summary>A string; blank counts as missing.</summary>
    public string? String(JsonElement parent, string name, string path, bool required = true)
    {
        var value = Get(parent, name, path, required, JsonValueKind.String, "a string")?.GetString();
        if (value is not null && string.IsNullOrWhiteSpace(value))
        {
            if (required)
            {
                Errors.Add(FieldErrors.Create(Join(path, name), value, FieldErrorCodes.Required, "is blank"));
            }

            return null;
        }

        return value;
    }

    /// <summary>An identifier given as a string or as a whole number.</summary>
    public string? Id(JsonElement parent, string name, string path, bool required = true)
    {
        if (!Present(parent, name, path, required, out var element))
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var number))
        {
            return number.ToString(CultureInfo.InvariantCulture);
        }

        if (element.ValueKind == JsonValueKind.String)
        {
            return String(parent, name, path, required);
        }

        Errors.Add(FieldErrors.Create(Join(path, name), Raw(element), FieldErrorCodes.Malformed, "must be a string or a whole number"));
        return null;
    }

    /// <summary>An ISO 8601 date and time with an offset, such as <c>2026-11-20T09:15:00+03:00</c> or <c>…Z</c>.</summary>
    public Instant? IsoInstant(JsonElement parent, string name, string path, bool required = true)
    {
        var text = String(parent, name, path, required);
        if (text is null)
        {
            return null;
        }

        var parsed = OffsetDateTimePattern.ExtendedIso.Parse(text);
        if (parsed.Success)
        {
            return parsed.Value.ToInstant();
        }

        Errors.Add(FieldErrors.Create(Join(path, name), text, FieldErrorCodes.Malformed, "is not an ISO 8601 date and time with an offset, such as 2026-11-20T09:15:00+03:00"));
        return null;
    }

    /// <summary>Unix seconds, as a whole number.</summary>
    public Instant? UnixSeconds(JsonElement parent, string name, string path, bool required = true)
    {
        if (!Present(parent, name, path, required, out var element))
        {
            return null;
        }

        if (element.ValueKind == JsonValueKind.Number && element.TryGetInt64(out var seconds) && seconds is >= 0 and < 32_503_680_000)
        {
            return Instant.FromUnixTimeSeconds(seconds);
        }

        Errors.Add(FieldErrors.Create(Join(path, name), Raw(element), FieldErrorCodes.Malformed, "must be Unix seconds, a whole number"));
        return null;
    }

    public void Add(FieldError error) => Errors.Add(error);

    private JsonElement? Get(JsonElement parent, string name, string path, bool required, JsonValueKind kind, string what)
    {
        if (!Present(parent, name, path, required, out var element))
        {
            return null;
        }

        if (element.ValueKind != kind)
        {
            Errors.Add(FieldErrors.Create(Join(path, name), Raw(element), FieldErrorCodes.Malformed, $"must be {what}, not {Kind(element.ValueKind)}"));
            return null;
        }

        return element;
    }

    private bool Present(JsonElement parent, string name, string path, bool required, out JsonElement element)
    {
        if (parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out element) && element.ValueKind != JsonValueKind.Null)
        {
            return true;
        }

        element = default;
        if (required)
        {
            Errors.Add(FieldErrors.Create(Join(path, name), null, FieldErrorCodes.Required, "is required"));
        }

        return false;
    }

    private static string Raw(JsonElement element) => element.GetRawText();

    private static string Kind(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
