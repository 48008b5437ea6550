using System.Text.Json;
using CustomerCare.Complaints.Intake;

namespace CustomerCare.Webhooks;

/// <summary>Turns one source's parsed payload into complaint submissions, or the field errors that refuse it.</summary>
/// <remarks>Stateless; thread-safe.</remarks>
internal abstract class InboundAdapter
{
    private static readonly string[] JsonOnly = [PayloadReader.Json];

    /// <summary>The media types the source reads.</summary>
    public virtual IReadOnlyList<string> MediaTypes => JsonOnly;

    /// <summary>Reads a JSON payload.</summary>
    public abstract AdapterResult ReadJson(JsonElement root, ReadOnlySpan<byte> body, InboundWebhookOptions options);

    /// <summary>Reads a form payload; only sources that list the form media type are asked.</summary>
    public virtual AdapterResult ReadForm(IReadOnlyDictionary<string, string> form, ReadOnlySpan<byte> body) =>
        throw new NotSupportedException("This source does not read forms.");
}

/// <summary>Submissions, or errors; a post may hold no complaint at all (a Facebook like), which is not an error.</summary>
internal sealed record AdapterResult(IReadOnlyList<ComplaintSubmission> Submissions, IReadOnlyList<FieldError> Errors)
{
    public static AdapterResult From(List<FieldError> errors, params ComplaintSubmission[] submissions) =>
        errors.Count > 0 ? new([], errors) : new(submissions, []);
}
