using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace CustomerCare.Sample.Serve;

/// <summary>Writes <c>/health</c> as JSON: the overall status, then each check's status, description and data.</summary>
/// <remarks>
/// <c>{"status":"Healthy","checks":[{"name":"customercare-store","status":"Healthy","description":"…","data":{…}}]}</c>;
/// the HTTP status is 200 for Healthy and Degraded, 503 for Unhealthy (the health checks middleware sets it).
/// </remarks>
public static class HealthResponse
{
    /// <summary>Writes the report.</summary>
    /// <param name="context">The request.</param>
    /// <param name="report">The health report.</param>
    /// <returns>A task that completes when the body is written.</returns>
    public static async Task WriteAsync(HttpContext context, HealthReport report)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(report);
        context.Response.ContentType = "application/json; charset=utf-8";
        await using var writer = new Utf8JsonWriter(context.Response.Body, new JsonWriterOptions { Indented = true });
        writer.WriteStartObject();
        writer.WriteString("status", report.Status.ToString());
        writer.WriteStartArray("checks");
        foreach (var (name, entry) in report.Entries)
        {
            writer.WriteStartObject();
            writer.WriteString("name", name);
            writer.WriteString("status", entry.Status.ToString());
            writer.WriteString("description", entry.Description);
            writer.WriteStartObject("data");
            foreach (var (key, value) in entry.Data)
            {
                WriteValue(writer, key, value);
            }

            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        await writer.FlushAsync(context.RequestAborted);
    }

    private static void WriteValue(Utf8JsonWriter writer, string key, object? value)
    {
        switch (value)
        {
            case int number:
                writer.WriteNumber(key, number);
                break;
            case long number:
                writer.WriteNumber(key, number);
                break;
            case bool flag:
                writer.WriteBoolean(key, flag);
                break;
            default:
                writer.WriteString(key, Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }
}
