using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// check-header (apim-reference §4.23): the request must carry the header and, when values are listed, one of them
/// (compared ignoring case when ignore-case is true). Otherwise the caller gets failed-check-httpcode with
/// failed-check-error-message, and LastError the predefined reason HeaderNotFound or HeaderValueNotAllowed.
/// </summary>
public sealed class CheckHeaderHandler : IPolicyHandler
{
    public string PolicyName => "check-header";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) => new Step(
        binder.Attribute(element, "name", string.Empty),
        binder.Attribute(element, "failed-check-httpcode", 400),
        binder.Attribute(element, "failed-check-error-message", string.Empty),
        binder.Attribute(element, "ignore-case", false),
        element.ElementsNamed("value").Select(v => binder.Text<string?>(v, string.Empty)).ToList());

    private sealed class Step(
        BoundValue<string> name,
        BoundValue<int> failedCode,
        BoundValue<string> failedMessage,
        BoundValue<bool> ignoreCase,
        IReadOnlyList<BoundValue<string?>> values) : IPolicyStep
    {
        public ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var header = name.Evaluate(context);
            if (!context.Request.Headers.TryGetValue(header, out var present))
            {
                throw Failure(context, "HeaderNotFound", $"Header {header} was not found in the request. Access denied.");
            }

            var allowed = values.Select(v => v.Evaluate(context)).OfType<string>().ToList();
            var comparison = ignoreCase.Evaluate(context) ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;
            var joined = string.Join(',', present);

            // A header sent as repeated lines or as one comma-joined line passes when any of its values is listed.
            var candidates = present.Prepend(joined).SelectMany(v => v.Split(',').Select(p => p.Trim()).Prepend(v));
            if (allowed.Count > 0 && !candidates.Any(c => allowed.Any(a => string.Equals(a, c, comparison))))
            {
                throw Failure(context, "HeaderValueNotAllowed", $"Header {header} value of {joined} is not allowed. Access denied.");
            }

            context.Note($"header '{header}' present{(allowed.Count > 0 ? " with an allowed value" : string.Empty)}");
            return ValueTask.CompletedTask;
        }

        private PolicyException Failure(PolicyExecutionContext context, string reason, string message) =>
            new("check-header", reason, message, failedCode.Evaluate(context)) { ResponseMessage = failedMessage.Evaluate(context) };
    }
}
