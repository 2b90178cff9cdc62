using ApimAiGateway.Harness.Execution.Binding;
using ApimAiGateway.Harness.Execution.Calls;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Execution.Handlers;

/// <summary>
/// send-one-way-request ("send-one-way-request policy"): sends the request its children build, as send-request does,
/// and does not wait for the answer. The call is recorded; its latency does not delay the request, and neither its
/// answer nor its failure changes anything.
/// </summary>
public sealed class SendOneWayRequestHandler : IPolicyHandler
{
    public string PolicyName => "send-one-way-request";

    public IPolicyStep Bind(PolicyElement element, PolicyBinder binder) =>
        new Step(OutgoingRequest.Bind(element, binder), binder.Attribute(element, "timeout", 60));

    private sealed class Step(OutgoingRequest template, BoundValue<int> timeoutSeconds) : IPolicyStep
    {
        public async ValueTask ExecuteAsync(PolicyExecutionContext context)
        {
            var request = await template.BuildAsync(context);
            var timeout = TimeSpan.FromSeconds(timeoutSeconds.Evaluate(context));
            // Nobody waits for the call, so the time it takes is measured and dropped rather than spent.
            await context.MeasureBranchAsync(async () =>
            {
                var outcome = await context.SendAsync("send-one-way-request", request, timeout);
                context.Note($"{request.Method} {request.Uri} sent without waiting ({outcome})");
            });
        }
    }
}
