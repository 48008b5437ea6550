using System.Security.Cryptography;
using System.Text.Json;
using CustomerCare.Complaints;
using CustomerCare.Complaints.Intake;

namespace CustomerCare.Webhooks;

/// <summary>
/// The contact form, form-urlencoded or a flat JSON object of strings: <c>message</c> (required); at least one of
/// <c>email</c>, <c>phone</c>, <c>customer_id</c>; optional <c>id</c>, <c>name</c>, <c>subject</c>, <c>order_number</c>,
/// <c>locale</c>. Without an <c>id</c>, the source reference is a hash of the body, so a resubmitted post is one complaint.
/// </summary>
internal sealed class ContactFormAdapter : InboundAdapter
{
    private static readonly string[] Types = [PayloadReader.Form, PayloadReader.Json];

    public override IReadOnlyList<string> MediaTypes => Types;

    public override AdapterResult ReadForm(IReadOnlyDictionary<string, string> form, ReadOnlySpan<byte> body) => Read(form, string.Empty, body);

    public override AdapterResult ReadJson(JsonElement root, ReadOnlySpan<byte> body, InboundWebhookOptions options)
    {
        var errors = new List<FieldError>();
        if (root.ValueKind != JsonValueKind.Object)
        {
            errors.Add(FieldErrors.Create("$", null, FieldErrorCodes.Malformed, "must be a JSON object of the form's fields"));
            return AdapterResult.From(errors);
        }

        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String)
            {
                fields[property.Name] = property.Value.GetString()!;
            }
            else if (property.Value.ValueKind != JsonValueKind.Null)
            {
                errors.Add(FieldErrors.Create("$." + property.Name, property.Value.GetRawText(), FieldErrorCodes.Malformed, "must be a string"));
            }
        }

        return errors.Count > 0 ? AdapterResult.From(errors) : Read(fields, "$.", body);
    }

    private static AdapterResult Read(IReadOnlyDictionary<string, string> fields, string prefix, ReadOnlySpan<byte> body)
    {
        var errors = new List<FieldError>();
        string? Text(string name) => fields.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

        var message = Text("message");
        if (message is null)
        {
            errors.Add(FieldErrors.Create(prefix + "message", fields.GetValueOrDefault("message"), FieldErrorCodes.Required, "is required"));
        }

        var email = ContactValues.Email(Text("email"), prefix + "email", errors);
        var phone = ContactValues.Phone(Text("phone"), prefix + "phone", errors);
        var customerId = ContactValues.CustomerId(Text("customer_id"), prefix + "customer_id", errors);
        if (Text("email") is null && Text("phone") is null && Text("customer_id") is null)
        {
            errors.Add(FieldErrors.Create(prefix + "email", null, FieldErrorCodes.Required, "is required unless a phone or customer_id is given: we need a way to answer"));
        }

        var order = ContactValues.OrderNumber(Text("order_number"), prefix + "order_number", errors);
        var locale = ContactValues.Locale(Text("locale"), prefix + "locale", errors);
        var id = Text("id");
        return AdapterResult.From(errors, new ComplaintSubmission
        {
            Channel = ComplaintChannel.ContactForm,
            SourceReference = id ?? "form-" + Convert.ToHexStringLower(SHA256.HashData(body))[..32],
            Text = message ?? string.Empty,
            Title = Text("subject"),
            AuthorHandle = Text("name") ?? email ?? phone,
            Email = email,
            Phone = phone,
            CustomerId = customerId,
            OrderNumber = order,
            Locale = locale,
            IsPublic = false,
        });
    }
}
