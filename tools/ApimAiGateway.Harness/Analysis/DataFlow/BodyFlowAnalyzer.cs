using ApimAiGateway.Harness.Composition;
using ApimAiGateway.Harness.Diagnostics;
using ApimAiGateway.Harness.Reading;

namespace ApimAiGateway.Harness.Analysis.DataFlow;

/// <summary>
/// Follows each message body through the effective pipeline and warns where <c>As&lt;T&gt;()</c> (or
/// <c>AsFormUrlEncodedContent()</c>) without <c>preserveContent: true</c> consumes a body that something later still
/// reads: another expression, forward-request (which sends the request body), <c>send-request mode="copy"</c>, or the
/// client (which receives the response body). A <c>set-body</c> gives the message a new body. Branches of
/// <c>choose</c> start from the same state and a body consumed in any branch counts as consumed after it.
/// </summary>
public sealed class BodyFlowAnalyzer(PolicyWalk walk, ExpressionFactsCache facts)
{
    public void Analyze(Pipeline pipeline, DiagnosticBag diagnostics)
    {
        foreach (var chain in pipeline.Chains)
        {
            var effective = PolicyComposer.Compose(chain);
            var state = new BodyState();
            foreach (var section in new[] { effective.Inbound, effective.Backend })
            {
                Walk(FragmentExpander.Expand(section.Select(p => p.Element), walk.Fragments), MessageKind.Request, state, diagnostics);
            }

            Walk(FragmentExpander.Expand(effective.Outbound.Select(p => p.Element), walk.Fragments), MessageKind.Response, state, diagnostics);
            if (state.ConsumedAt(MessageKind.Response) is { } consumed)
            {
                Warn(diagnostics, MessageKind.Response, consumed, "the client, which receives the response,");
            }
        }
    }

    private void Walk(IEnumerable<PolicyElement> policies, MessageKind sectionMessage, BodyState state, DiagnosticBag diagnostics)
    {
        foreach (var policy in policies)
        {
            foreach (var expression in walk.OwnExpressions(policy))
            {
                foreach (var read in facts.Of(expression).BodyReads)
                {
                    Read(state, read.Message, read.PreservesContent, expression.Code.LocationAt(read.Offset), "the read here", diagnostics);
                }
            }

            switch (policy.Name)
            {
                case "set-body":
                    state.Reset(sectionMessage);
                    break;
                case "forward-request":
                    Read(state, MessageKind.Request, preserves: true, policy.Location, $"forward-request at {policy.Location}", diagnostics);
                    state.Reset(MessageKind.Response);
                    break;
                case "send-request" when policy.Attribute("mode")?.Value.Text.Text.Trim() == "copy":
                    Read(state, MessageKind.Request, preserves: true, policy.Location, $"send-request mode=\"copy\" at {policy.Location}", diagnostics);
                    break;
                case "choose":
                    WalkBranches(policy, sectionMessage, state, diagnostics);
                    break;
                default:
                    Walk(walk.NestedPolicies(policy), sectionMessage, state, diagnostics);
                    break;
            }
        }
    }

    private void WalkBranches(PolicyElement choose, MessageKind sectionMessage, BodyState state, DiagnosticBag diagnostics)
    {
        var entry = state.Copy();
        var hasOtherwise = false;
        foreach (var branch in choose.Elements)
        {
            hasOtherwise |= branch.Name == "otherwise";
            var branchState = entry.Copy();
            Walk(FragmentExpander.Expand(branch.Elements, walk.Fragments), sectionMessage, branchState, diagnostics);
            state.Merge(branchState);
        }

        if (!hasOtherwise)
        {
            state.Merge(entry);
        }
    }

    private static void Read(BodyState state, MessageKind message, bool preserves, SourceLocation location, string reader, DiagnosticBag diagnostics)
    {
        if (state.ConsumedAt(message) is { } consumed)
        {
            Warn(diagnostics, message, consumed, reader == "the read here" ? $"the read at {location}" : reader);
            state.Reset(message);
        }

        if (!preserves)
        {
            state.Consume(message, location);
        }
    }

    private static void Warn(DiagnosticBag diagnostics, MessageKind message, SourceLocation consumed, string laterReader)
    {
        var diagnostic = AnalysisDiagnostics.BodyConsumedBeforeLaterRead.At(consumed, message.ToString().ToLowerInvariant(), laterReader);
        if (!diagnostics.Items.Contains(diagnostic))
        {
            diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Where each body was last consumed and not given a new one since; null when it is intact.</summary>
    private sealed class BodyState
    {
        private SourceLocation? _request;
        private SourceLocation? _response;

        public SourceLocation? ConsumedAt(MessageKind message) => message == MessageKind.Request ? _request : _response;

        public void Consume(MessageKind message, SourceLocation at)
        {
            if (message == MessageKind.Request)
            {
                _request = at;
            }
            else
            {
                _response = at;
            }
        }

        public void Reset(MessageKind message)
        {
            if (message == MessageKind.Request)
            {
                _request = null;
            }
            else
            {
                _response = null;
            }
        }

        public BodyState Copy() => new() { _request = _request, _response = _response };

        public void Merge(BodyState branch)
        {
            _request ??= branch._request;
            _response ??= branch._response;
        }
    }
}
