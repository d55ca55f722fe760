trigger AccountTrigger on Account(before update, after update) {
  new AccountOutcomeHandler(Trigger.new, Trigger.oldMap).run(Trigger.isBefore);
}
