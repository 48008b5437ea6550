using System.Text.Json;
using CustomerCare.Channels;

namespace Contoso.CustomerCare.Chat;

/// <summary>Writes the incoming-webhook JSON: <c>{"text":"*Subject*\nBody","channel":"recipient"}</c>.</summary>
internal static class ChatPayload
{
    public static byte[] Serialize(OutboundMessage message)
    {
        var text = string.IsNullOrWhiteSpace(message.Subject) ? message.Body : "*" + message.Subject + "*\n" + message.Body;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("text", text);
            if (!string.IsNullOrWhiteSpace(message.Recipient))
            {
                json.WriteString("channel", message.Recipient);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
