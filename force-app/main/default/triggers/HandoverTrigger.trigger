trigger HandoverTrigger on Handover__c(before insert, before update) {
  new HandoverTriggerHandler(Trigger.new, Trigger.oldMap).run();
}
