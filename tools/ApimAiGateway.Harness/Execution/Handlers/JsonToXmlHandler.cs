using System.Text;
using System.Xml;
using System.Xml.Linq;
using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Handlers.Conversion;
using ApimAiGateway.Harness.Reading;
using Newtonsoft.Json;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// json-to-xml (json-to-xml-policy): converts the body of the current message (request in inbound, response in
/// outbound and on-error) from JSON to XML when apply and consider-accept-header let it (see ConversionGate), and
/// sets Content-Type to application/xml. parse-date takes no expressions; the others do. A body that is not JSON
/// is left as it is: the page names no error for it.
/// </summary>
public sealed class JsonToXmlHandler : IPolicyHandler
{
    public string PolicyName => "json-to-xml";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "apply", "always"),
        binder.Attribute(element, "consider-accept-header", true),
        binder.Attribute(element, "parse-date", true),
        binder.Attribute(element, "namespace-separator", "_"),
        binder.Attribute<string?>(element, "namespace-prefix", null),
        binder.Attribute<string?>(element, "attribute-block-name", null));

    private sealed class Step(
        BoundValue<string> apply,
        BoundValue<bool> considerAcceptHeader,
        BoundValue<bool> parseDate,
        BoundValue<string> namespaceSeparator,
        BoundValue<string?> namespacePrefix,
        BoundValue<string?> attributeBlockName) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            if (ConversionGate.SkipReason(context, apply.Evaluate(context), considerAcceptHeader.Evaluate(context), "json", "xml") is { } reason)
            {
                context.Note($"not converted: {reason}");
                return ValueTask.CompletedTask;
            }

            var options = new JsonToXmlOptions(
                parseDate.Evaluate(context),
                namespaceSeparator.Evaluate(context) is { Length: > 0 } separator ? separator : "_",
                namespacePrefix.Evaluate(context),
                attributeBlockName.Evaluate(context));
            XDocument xml;
            try
            {
                xml = JsonToXmlConverter.Convert(CurrentMessage.Body(context)!.As<string>(preserveContent: true)!, options);
            }
            catch (Exception e) when (e is JsonException or XmlException)
            {
                context.Note($"not converted: the {CurrentMessage.Name(context)} body is not JSON ({e.Message})");
                return ValueTask.CompletedTask;
            }

            CurrentMessage.SetBody(context, Encoding.UTF8.GetBytes(xml.ToString(SaveOptions.DisableFormatting)), "application/xml");
            context.Note($"{CurrentMessage.Name(context)} body converted to XML");
            return ValueTask.CompletedTask;
        }
    }
}
