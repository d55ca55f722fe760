trigger OpportunityTrigger on Opportunity(after insert, after update) {
  new OpportunityTriggerHandler(Trigger.new, Trigger.oldMap).run();
}
