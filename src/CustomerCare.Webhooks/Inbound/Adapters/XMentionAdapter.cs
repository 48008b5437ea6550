using System.Text.Json;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;

namespace CustomerCare.Webhooks;

/// <summary>
/// An X (Twitter) mention in the API v2 shape: <c>data.id</c>, <c>data.text</c> (or <c>data.note_tweet.text</c> for a
/// long post), optional <c>data.created_at</c>, <c>data.author_id</c>, <c>data.lang</c>, and the author from
/// <c>includes.users[]</c> (<c>id</c>, <c>username</c>, <c>name</c>). Everything else is ignored.
/// </summary>
internal sealed class XMentionAdapter : InboundAdapter
{
    public override AdapterResult ReadJson(JsonElement root, ReadOnlySpan<byte> body, InboundWebhookOptions options)
    {
        var json = new JsonFields();
        if (json.Object(root, "data", "$") is not { } data)
        {
            return AdapterResult.From(json.Errors);
        }

        const string path = "$.data";
        var id = json.Id(data, "id", path);
        var longText = json.Object(data, "note_tweet", path, required: false) is { } note ? json.String(note, "text", path + ".note_tweet", required: false) : null;
        var text = longText ?? json.String(data, "text", path);
        var createdAt = json.IsoInstant(data, "created_at", path, required: false);
        var authorId = json.Id(data, "author_id", path, required: false);
        var lang = json.String(data, "lang", path, required: false);
        string? handle = null;
        if (authorId is not null && json.Object(root, "includes", "$", required: false) is { } includes && json.Array(includes, "users", "$.includes", required: false) is { } users)
        {
            foreach (var user in users.EnumerateArray())
            {
                if (user.ValueKind == JsonValueKind.Object && user.TryGetProperty("id", out var userId) && userId.ValueKind == JsonValueKind.String && userId.GetString() == authorId)
                {
                    handle = user.TryGetProperty("username", out var name) && name.ValueKind == JsonValueKind.String ? "@" + name.GetString() : null;
                }
            }
        }

        // X tags undetected languages "und" and the like; only a tag the core knows helps the classifier.
        var locale = lang is not null && Customers.Locale.TryParse(lang, out var known, out _) ? known : (Customers.Locale?)null;
        return AdapterResult.From(json.Errors, new ComplaintSubmission
        {
            Channel = ComplaintChannel.Twitter,
            SourceReference = id ?? string.Empty,
            Text = text ?? string.Empty,
            AuthorHandle = handle ?? authorId,
            WrittenAt = createdAt,
            Locale = locale,
            IsPublic = true,
        });
    }
}
