using System.Text.Json;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;

namespace CustomerCare.Webhooks;

/// <summary>
/// A complaint-site post, Şikayetvar-shaped (our documented shape; the site has no public API to copy):
/// <c>complaint.id</c>, <c>title</c>, <c>text</c>, <c>created_at</c>, <c>visibility</c> (<c>public</c> or
/// <c>private</c>), <c>brand.id</c>/<c>brand.name</c>, <c>author.name</c> (and optional <c>author.id</c>,
/// <c>author.email</c>, <c>author.phone</c>), optional <c>order_number</c>.
/// </summary>
internal sealed class ComplaintSiteAdapter : InboundAdapter
{
    public override AdapterResult ReadJson(JsonElement root, ReadOnlySpan<byte> body, InboundWebhookOptions options)
    {
        var json = new JsonFields();
        if (json.Object(root, "complaint", "$") is not { } complaint)
        {
            return AdapterResult.From(json.Errors);
        }

        const string path = "$.complaint";
        var id = json.Id(complaint, "id", path);
        var title = json.String(complaint, "title", path);
        var text = json.String(complaint, "text", path);
        var createdAt = json.IsoInstant(complaint, "created_at", path);
        var visibility = json.String(complaint, "visibility", path);
        if (visibility is not (null or "public" or "private"))
        {
            json.Add(FieldErrors.Create(path + ".visibility", visibility, FieldErrorCodes.Unknown, "is not 'public' or 'private'"));
        }

        if (json.Object(complaint, "brand", path) is { } brand)
        {
            var brandId = json.Id(brand, "id", path + ".brand", required: false);
            var brandName = json.String(brand, "name", path + ".brand");
            if (options.ComplaintSiteBrand is { } ours && brandName is not null
                && !string.Equals(ours, brandName, StringComparison.OrdinalIgnoreCase) && !string.Equals(ours, brandId, StringComparison.OrdinalIgnoreCase))
            {
                json.Add(FieldErrors.Create(path + ".brand.name", brandName, FieldErrorCodes.Unknown, $"is not our brand ('{ours}')"));
            }
        }

        string? author = null, email = null, phone = null;
        if (json.Object(complaint, "author", path) is { } who)
        {
            const string authorPath = path + ".author";
            author = json.String(who, "name", authorPath);
            json.Id(who, "id", authorPath, required: false);
            email = ContactValues.Email(json.String(who, "email", authorPath, required: false), authorPath + ".email", json.Errors);
            phone = ContactValues.Phone(json.String(who, "phone", authorPath, required: false), authorPath + ".phone", json.Errors);
        }

        var order = ContactValues.OrderNumber(json.String(complaint, "order_number", path, required: false), path + ".order_number", json.Errors);
        return AdapterResult.From(json.Errors, new ComplaintSubmission
        {
            Channel = ComplaintChannel.ComplaintSite,
            SourceReference = id ?? string.Empty,
            Title = title,
            Text = text ?? string.Empty,
            AuthorHandle = author,
            Email = email,
            Phone = phone,
            OrderNumber = order,
            WrittenAt = createdAt,
            IsPublic = visibility != "private",
        });
    }
}
