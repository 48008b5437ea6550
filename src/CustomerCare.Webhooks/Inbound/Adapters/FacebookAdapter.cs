using System.Globalization;
using System.Text.Json;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;

namespace CustomerCare.Webhooks;

/// <summary>
/// Facebook page feed changes in the Graph webhook shape: <c>object</c> = <c>page</c>, <c>entry[].changes[]</c> with
/// <c>field</c> and <c>value</c> (<c>item</c>, <c>verb</c>, <c>post_id</c>, <c>comment_id</c>, <c>message</c>,
/// <c>created_time</c> in Unix seconds, <c>from.id</c>, <c>from.name</c>). Each added post, status or comment with a
/// message becomes a complaint; every other change (likes, edits, removals) is ignored.
/// </summary>
internal sealed class FacebookAdapter : InboundAdapter
{
    public override AdapterResult ReadJson(JsonElement root, ReadOnlySpan<byte> body, InboundWebhookOptions options)
    {
        var json = new JsonFields();
        if (json.String(root, "object", "$") is { } kind && kind != "page")
        {
            json.Add(FieldErrors.Create("$.object", kind, FieldErrorCodes.Unknown, "is not 'page'; only page feed webhooks are read"));
        }

        var submissions = new List<ComplaintSubmission>();
        if (json.Array(root, "entry", "$") is { } entries)
        {
            var e = 0;
            foreach (var entry in entries.EnumerateArray())
            {
                var entryPath = string.Create(CultureInfo.InvariantCulture, $"$.entry[{e++}]");
                if (json.Array(entry, "changes", entryPath, required: false) is not { } changes)
                {
                    continue;
                }

                var c = 0;
                foreach (var change in changes.EnumerateArray())
                {
                    var path = string.Create(CultureInfo.InvariantCulture, $"{entryPath}.changes[{c++}]");
                    if (Read(json, change, path) is { } submission)
                    {
                        submissions.Add(submission);
                    }
                }
            }
        }

        return AdapterResult.From(json.Errors, [.. submissions]);
    }

    private static ComplaintSubmission? Read(JsonFields json, JsonElement change, string path)
    {
        if (json.String(change, "field", path, required: false) != "feed" || json.Object(change, "value", path) is not { } value)
        {
            return null;
        }

        var valuePath = path + ".value";
        var verb = json.String(value, "verb", valuePath, required: false);
        var item = json.String(value, "item", valuePath, required: false);
        var message = json.String(value, "message", valuePath, required: false);
        if (verb != "add" || item is not ("post" or "status" or "comment") || message is null)
        {
            return null;
        }

        var id = json.Id(value, "comment_id", valuePath, required: false) ?? json.Id(value, "post_id", valuePath);
        var from = json.Object(value, "from", valuePath, required: false);
        var author = from is { } f ? json.String(f, "name", valuePath + ".from", required: false) ?? json.Id(f, "id", valuePath + ".from", required: false) : null;
        return new ComplaintSubmission
        {
            Channel = ComplaintChannel.Facebook,
            SourceReference = id ?? string.Empty,
            Text = message,
            AuthorHandle = author,
            WrittenAt = json.UnixSeconds(value, "created_time", valuePath, required: false),
            IsPublic = true,
        };
    }
}
