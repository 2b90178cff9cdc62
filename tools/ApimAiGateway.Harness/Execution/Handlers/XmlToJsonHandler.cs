using System.Text;
using System.Xml;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Handlers.Conversion;
using ApimAiGateway.Harness.Reading;
using Newtonsoft.Json.Linq;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// xml-to-json (xml-to-json-policy): converts the body of the current message (request in inbound, response in
/// outbound and on-error) from XML to JSON of the given kind when apply and consider-accept-header let it (see
/// ConversionGate), and sets Content-Type to application/json. All attributes take expressions. A body that is not
/// XML is left as it is: the page names no error for it.
/// </summary>
public sealed class XmlToJsonHandler : IPolicyHandler
{
    public string PolicyName => "xml-to-json";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "kind", "direct"),
        binder.Attribute(element, "apply", "always"),
        binder.Attribute(element, "consider-accept-header", true),
        binder.Attribute(element, "always-array-child-elements", false));

    private sealed class Step(
        BoundValue<string> kind,
        BoundValue<string> apply,
        BoundValue<bool> considerAcceptHeader,
        BoundValue<bool> alwaysArrayChildElements) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var javascriptFriendly = kind.Evaluate(context).Trim().ToLowerInvariant() switch
            {
                "javascript-friendly" => true,
                "direct" => false,
                var other => throw new PolicyException("xml-to-json", "InvalidKind", $"'{other}' is not a value of kind; use javascript-friendly or direct."),
            };
            if (ConversionGate.SkipReason(context, apply.Evaluate(context), considerAcceptHeader.Evaluate(context), "xml", "json") is { } reason)
            {
                context.Note($"not converted: {reason}");
                return ValueTask.CompletedTask;
            }

            JObject json;
            try
            {
                json = XmlToJsonConverter.Convert(CurrentMessage.Body(context)!.As<string>(preserveContent: true)!, javascriptFriendly, alwaysArrayChildElements.Evaluate(context));
            }
            catch (XmlException e)
            {
                context.Note($"not converted: the {CurrentMessage.Name(context)} body is not XML ({e.Message})");
                return ValueTask.CompletedTask;
            }

            CurrentMessage.SetBody(context, Encoding.UTF8.GetBytes(json.ToString(Newtonsoft.Json.Formatting.None)), "application/json");
            context.Note($"{CurrentMessage.Name(context)} body converted to JSON ({(javascriptFriendly ? "javascript-friendly" : "direct")})");
            return ValueTask.CompletedTask;
        }
    }
}
