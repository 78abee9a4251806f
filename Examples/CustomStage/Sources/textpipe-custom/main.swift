import SentimentStage
import TextPipeline
import TextPipelineCLI
import TextPipelineStages

// The built-in stages plus ours; everything else is the stock command line.
var registry = StageRegistry.builtin
registry.register(LexiconSentimentStage.self)
registry.register(ShoutCountStage.self)
TextPipeCLI.main(registry: registry)
