using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using NodaTime;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace CustomerCare.Templates;

/// <summary>Parses and renders templates in the sandbox; the one place that talks to Scriban.</summary>
internal static class TemplateEngine
{
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    // Built once and shared read-only by every render: building it costs more than the render itself.
    internal static readonly ScriptObject Builtins = CreateBuiltins();

    internal static IEnumerable<string> ReservedNames => Builtins.Keys;

    public static CompiledTemplate Compile(TemplateKey key, TemplateSource source)
    {
        ArgumentNullException.ThrowIfNull(source);
        var needsSubject = key.Channel is MessageChannel.Email or MessageChannel.Push;
        if (needsSubject && string.IsNullOrWhiteSpace(source.Subject))
        {
            throw new TemplateException(TemplateFailure.Malformed, key, TemplatePart.Subject, source.Origin, null, null, "an e-mail or push template needs a subject part");
        }

        if (!needsSubject && source.Subject is not null)
        {
            throw new TemplateException(TemplateFailure.Malformed, key, TemplatePart.Subject, source.Origin, null, null, "only e-mail and push templates have a subject part");
        }

        if (key.Channel != MessageChannel.Email && source.Html is not null)
        {
            throw new TemplateException(TemplateFailure.Malformed, key, TemplatePart.Html, source.Origin, null, null, "only e-mail templates have an html part");
        }

        var text = Parse(key, TemplatePart.Text, source.Text, source)!;
        var subject = Parse(key, TemplatePart.Subject, source.Subject, source);
        var html = Parse(key, TemplatePart.Html, source.Html, source);
        return new CompiledTemplate(key, source.Origin, text, subject, html, source.FirstLines);
    }

    public static RenderedMessage Render(CompiledTemplate template, TemplateKey requested, TemplateModel model, TemplateOptions options, Privacy.Redaction.ITextRedactor publicReplyRedactor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.RenderTimeout);
        var culture = requested.Locale.Culture;
        var context = new CareTemplateContext(Builtins, culture, model.TimeZone, timeout.Token);
        context.PushGlobal(model.Values);

        // Assignments in a template land in this scope, never in the shared model.
        context.PushGlobal(new ScriptObject());

        var text = RenderPart(template, TemplatePart.Text, template.Text, context, cancellationToken).Trim();
        var subject = template.Subject is null ? null : RenderPart(template, TemplatePart.Subject, template.Subject, context, cancellationToken).Trim();
        string? html = null;
        if (requested.Channel == MessageChannel.Email)
        {
            html = template.Html is null
                ? HtmlFromText(text, subject ?? string.Empty, culture)
                : RenderPart(template, TemplatePart.Html, template.Html, context, cancellationToken);
        }

        var sms = CheckChannel(template.Key, requested.Channel, text, subject, options);
        if (requested.Channel == MessageChannel.PublicSocialReply)
        {
            // The guard refused what a template must never say in public; the redactor masks what slipped into the
            // values (an identity number, an IBAN, a card) so it never leaves either.
            text = publicReplyRedactor.Redact(text);
        }

        return new RenderedMessage(requested, template.Key, text, subject, html, sms);
    }

    private static Template? Parse(TemplateKey key, TemplatePart part, string? text, TemplateSource source)
    {
        if (text is null)
        {
            return null;
        }

        var firstLine = source.FirstLines.TryGetValue(part, out var line) ? line : 1;
        if (text.Length > TemplateLimits.MaxSourceLength)
        {
            throw new TemplateException(TemplateFailure.TooLong, key, part, source.Origin, firstLine, 1, string.Create(CultureInfo.InvariantCulture, $"the part has {text.Length} characters; at most {TemplateLimits.MaxSourceLength} are accepted"));
        }

        var template = Template.Parse(text, source.Origin, new ParserOptions { ExpressionDepthLimit = 64 });
        if (template.HasErrors)
        {
            var error = template.Messages.First(m => m.Type == ParserMessageType.Error);
            throw new TemplateException(TemplateFailure.Syntax, key, part, source.Origin, error.Span.Start.Line + firstLine, error.Span.Start.Column + 1, error.Message);
        }

        return template;
    }

    private static string RenderPart(CompiledTemplate template, TemplatePart part, Template parsed, CareTemplateContext context, CancellationToken callerToken)
    {
        var firstLine = template.FirstLine(part);
        try
        {
            return parsed.Render(context);
        }
        catch (OperationCanceledException) when (!callerToken.IsCancellationRequested)
        {
            throw new TemplateException(TemplateFailure.Timeout, template.Key, part, template.Origin, null, null, "the render took too long and was stopped");
        }
        catch (ScriptAbortException ex)
        {
            callerToken.ThrowIfCancellationRequested();
            throw new TemplateException(TemplateFailure.Timeout, template.Key, part, template.Origin, null, null, "the render took too long and was stopped", ex);
        }
        catch (ScriptRuntimeException ex)
        {
            throw new TemplateException(TemplateFailure.Render, template.Key, part, template.Origin, ex.Span.Start.Line + firstLine, ex.Span.Start.Column + 1, ex.OriginalMessage, ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException or InvalidCastException or NotSupportedException or IndexOutOfRangeException or KeyNotFoundException)
        {
            throw new TemplateException(TemplateFailure.Render, template.Key, part, template.Origin, null, null, ex.Message, ex);
        }
    }

    private static SmsSegmentCount? CheckChannel(TemplateKey key, MessageChannel channel, string text, string? subject, TemplateOptions options)
    {
        if (text.Length == 0)
        {
            throw new ChannelRuleException(ChannelRule.MissingContent, key, TemplatePart.Text, "the text body is empty");
        }

        switch (channel)
        {
            case MessageChannel.Email or MessageChannel.Push when string.IsNullOrWhiteSpace(subject) || subject.Contains('\n', StringComparison.Ordinal):
                throw new ChannelRuleException(ChannelRule.MissingContent, key, TemplatePart.Subject, "the subject is empty or has more than one line");
            case MessageChannel.Push when text.Length > options.MaxPushLength:
                throw new ChannelRuleException(ChannelRule.PushTooLong, key, TemplatePart.Text, string.Create(CultureInfo.InvariantCulture, $"{text.Length} characters; at most {options.MaxPushLength}"));
            case MessageChannel.Sms:
                var count = SmsSegments.Count(text);
                return count.Segments > options.MaxSmsSegments
                    ? throw new ChannelRuleException(ChannelRule.SmsTooManySegments, key, TemplatePart.Text, string.Create(CultureInfo.InvariantCulture, $"{count.Segments} segments ({count.Encoding}, {count.Units} units); at most {options.MaxSmsSegments}"))
                    : count;
            case MessageChannel.PublicSocialReply:
                if (text.Length > options.MaxPublicReplyLength)
                {
                    throw new ChannelRuleException(ChannelRule.PublicReplyTooLong, key, TemplatePart.Text, string.Create(CultureInfo.InvariantCulture, $"{text.Length} characters; at most {options.MaxPublicReplyLength}"));
                }

                if (PublicReplyGuard.Find(text) is { } found)
                {
                    throw new ChannelRuleException(found.Rule, key, TemplatePart.Text, "a public reply must not contain " + found.What);
                }

                break;
        }

        return null;
    }

    private static string HtmlFromText(string text, string subject, CultureInfo culture)
    {
        var builder = new StringBuilder(text.Length + 256);
        builder.Append("<!DOCTYPE html>\n<html lang=\"").Append(culture.TwoLetterISOLanguageName).Append("\">\n<head><meta charset=\"utf-8\"><title>")
            .Append(Html.Encode(subject)).Append("</title></head>\n<body>\n");
        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            builder.Append("<p>");
            var first = true;
            foreach (var line in paragraph.Split('\n'))
            {
                if (!first)
                {
                    builder.Append("<br>\n");
                }

                builder.Append(Html.Encode(line));
                first = false;
            }

            builder.Append("</p>\n");
        }

        return builder.Append("</body>\n</html>\n").ToString();
    }

    private static ScriptObject CreateBuiltins()
    {
        var builtins = new TemplateContext().BuiltinObject;

        // The built-in date object reads the machine clock and formats with no customer zone; ours replaces it.
        builtins.Remove("date");
        builtins.Remove("include");
        builtins.Import("money", new Func<TemplateContext, object?, string>(TemplateHelpers.Money));
        builtins.Import("date", new Func<TemplateContext, object?, string?, string>(TemplateHelpers.Date));
        builtins.Import("first_name", new Func<string?, string>(TemplateHelpers.FirstName));
        builtins.IsReadOnly = true;
        return builtins;
    }
}
